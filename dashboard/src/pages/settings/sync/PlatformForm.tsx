import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPlatformName, SyncPlatformView } from '../../../../../api/src/contract/index.ts';
import { syncApi } from '../../../api/sync.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { Check, Field, TextInput } from '../../shared/Field.tsx';
import { FieldMessage } from '../../shared/FieldError.tsx';
import { FormButtons } from '../../shared/RowActions.tsx';
import { useApiForm } from '../../shared/useApiForm.ts';
import { CREDENTIAL_FIELDS, MASTERED_ENTITIES, PLATFORM_LABEL, randomSecret, type MasteredEntity } from './platforms.ts';

type Master = '' | 'local' | 'platform';

/**
 * Connects a platform or edits its connection. Stored credentials and webhook
 * secrets are never read back, so an edit asks for them again.
 */
export function PlatformForm(props: {
  restaurantId: string; choices: readonly SyncPlatformName[]; existing: SyncPlatformView | null;
  onSaved: (v: SyncPlatformView) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm();
  const f = form.fields;
  const { existing } = props;
  const [platform, setPlatform] = useState<SyncPlatformName>(existing?.platform ?? props.choices[0] ?? 'zenchef');
  const [externalId, setExternalId] = useState(existing?.externalRestaurantId ?? '');
  const [credentials, setCredentials] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(existing?.enabled ?? true);
  const [mastering, setMastering] = useState<Record<MasteredEntity, Master>>(() =>
    Object.fromEntries(MASTERED_ENTITIES.map((e) => [e, existing ? existing.mastering[e] ?? '' : e === 'reservation' ? 'local' : ''])) as Record<MasteredEntity, Master>);
  const fieldsOf = CREDENTIAL_FIELDS[platform];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The API names missing credentials in its message only; say it next to each field instead.
    const missing = fieldsOf.filter((c) => c.required && !credentials[c.key]?.trim());
    if (missing.length) {
      form.failFields(missing.map((c) => ({ path: `credentials.${c.key}`, message: t('sync.required') })));
      return;
    }
    const saved = await form.run(() => syncApi.connect(props.restaurantId, platform, {
      externalRestaurantId: externalId.trim(),
      credentials: Object.fromEntries(fieldsOf.filter((c) => credentials[c.key]?.trim()).map((c) => [c.key, credentials[c.key]?.trim() ?? ''])),
      ...(secret.trim() ? { webhookSecret: secret.trim() } : {}),
      mastering: Object.fromEntries(Object.entries(mastering).filter(([, m]) => m !== '')),
      enabled,
    }));
    if (saved) props.onSaved(saved);
  };

  return (
    <form className="border rounded p-3 mb-3 bg-body-tertiary" onSubmit={(e) => void submit(e)} noValidate data-testid="platform-form">
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="row g-2">
        <div className="col-sm-6">
          <label className="form-label" htmlFor="sync-platform">{t('sync.platform')}</label>
          <select id="sync-platform" className="form-select" value={platform} disabled={existing !== null}
            onChange={(e) => { setPlatform(e.target.value as SyncPlatformName); setCredentials({}); }}>
            {(existing ? [existing.platform] : props.choices).map((p) => <option key={p} value={p}>{PLATFORM_LABEL[p]}</option>)}
          </select>
        </div>
        <Field id="sync-external-id" label={t(`sync.externalId.${platform}`)} path="externalRestaurantId" fields={f}>
          <TextInput id="sync-external-id" value={externalId} onChange={setExternalId} fields={f} path="externalRestaurantId" />
        </Field>
        {existing && <p className="col-12 small text-body-secondary mb-0">{t('sync.reenterCredentials')}</p>}
        {fieldsOf.map((c) => (
          <Field key={`${platform}-${c.key}`} id={`sync-cred-${c.key}`} label={t(`sync.credential.${c.key}`)} path={`credentials.${c.key}`} fields={f}>
            <TextInput id={`sync-cred-${c.key}`} type={c.secret ? 'password' : 'text'} value={credentials[c.key] ?? ''} fields={f} path={`credentials.${c.key}`}
              placeholder={c.required ? undefined : t('sync.optional')} onChange={(v) => setCredentials((x) => ({ ...x, [c.key]: v }))} />
          </Field>
        ))}
        <div className="col-12">
          <label className="form-label" htmlFor="sync-secret">{t(`sync.webhookSecret.${platform}`)}</label>
          <div className="input-group has-validation">
            <TextInput id="sync-secret" value={secret} onChange={setSecret} fields={f} path="webhookSecret" placeholder={existing?.hasWebhookSecret ? t('sync.secretIsSet') : undefined} />
            <button type="button" className="btn btn-outline-secondary" onClick={() => setSecret(randomSecret())}>{t('sync.generate')}</button>
            <FieldMessage fields={f} path="webhookSecret" />
          </div>
          <div className="form-text">{t(existing?.hasWebhookSecret ? 'sync.secretKeepHint' : 'sync.secretHint')}</div>
        </div>
        <fieldset className="col-12">
          <legend className="form-label fs-6 mb-1">{t('sync.mastering')}</legend>
          <div className="row g-2">
            {MASTERED_ENTITIES.map((e) => (
              <div key={e} className="col-6 col-md-4">
                <label className="form-label small mb-0" htmlFor={`sync-master-${e}`}>{t(`sync.entity.${e}`)}</label>
                <select id={`sync-master-${e}`} className="form-select form-select-sm" value={mastering[e]}
                  onChange={(ev) => setMastering((m) => ({ ...m, [e]: ev.target.value as Master }))}>
                  <option value="">{t('sync.master.none')}</option>
                  <option value="local">{t('sync.master.local')}</option>
                  <option value="platform">{PLATFORM_LABEL[platform]}</option>
                </select>
              </div>
            ))}
          </div>
          <div className="form-text">{t('sync.masteringHint', { platform: PLATFORM_LABEL[platform] })}</div>
        </fieldset>
        <div className="col-12"><Check id="sync-enabled" label={t('sync.enabled')} checked={enabled} onChange={setEnabled} /></div>
      </div>
      <FormButtons busy={form.busy} onCancel={props.onCancel} testId="save-platform" label={existing ? t('crud.save') : t('sync.connect')} />
    </form>
  );
}
