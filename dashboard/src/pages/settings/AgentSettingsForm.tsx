import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AI_VOICES } from '../../../../api/src/contract/index.ts';
import type { RestaurantSettings } from '../../../../api/src/contract/index.ts';
import { ApiError, type FieldError } from '../../api/client.ts';
import { settingsApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { FieldMessage, invalid } from '../shared/FieldError.tsx';

type Mode = RestaurantSettings['callHandlingMode'];
type Kind = RestaurantSettings['transferTargetKind'];

/** Voice, greeting, language, call mode and transfer target: what the agent does when the phone rings. */
export function AgentSettingsForm({ restaurantId, settings, onSaved }: { restaurantId: string; settings: RestaurantSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState(settings);
  const [fields, setFields] = useState<FieldError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof RestaurantSettings>(k: K, value: RestaurantSettings[K]) => { setSaved(false); setV((s) => ({ ...s, [k]: value })); };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFields([]);
    setError(null);
    try {
      await settingsApi.update(restaurantId, {
        aiVoice: v.aiVoice as (typeof AI_VOICES)[number], aiLanguage: v.aiLanguage, aiGreeting: v.aiGreeting || null,
        callHandlingMode: v.callHandlingMode, staffRingSeconds: v.staffRingSeconds,
        transferTargetKind: v.transferTargetKind, transferTarget: v.transferTarget || null,
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFields(err.fields);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="agent-settings">
      {error !== null && fields.length === 0 && <ErrorAlert error={error} />}
      <div className="row g-2">
        <div className="col-sm-6">
          <label className="form-label" htmlFor="ai-voice">{t('settings.voice')}</label>
          <select id="ai-voice" className="form-select" value={v.aiVoice} onChange={(e) => set('aiVoice', e.target.value)}>
            {AI_VOICES.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </div>
        <div className="col-sm-6">
          <label className="form-label" htmlFor="ai-lang">{t('settings.language')}</label>
          <select id="ai-lang" className="form-select" value={v.aiLanguage} onChange={(e) => set('aiLanguage', e.target.value as 'fr' | 'en')}>
            <option value="fr">Français</option><option value="en">English</option>
          </select>
        </div>
        <div className="col-12">
          <label className="form-label" htmlFor="ai-greeting">{t('settings.greeting')}</label>
          <textarea id="ai-greeting" rows={2} className={`form-control${invalid(fields, 'aiGreeting')}`} value={v.aiGreeting ?? ''} onChange={(e) => set('aiGreeting', e.target.value)} />
          <FieldMessage fields={fields} path="aiGreeting" />
        </div>
        <div className="col-sm-8">
          <label className="form-label" htmlFor="call-mode">{t('settings.callMode')}</label>
          <select id="call-mode" className="form-select" value={v.callHandlingMode} onChange={(e) => set('callHandlingMode', e.target.value as Mode)}>
            {(['ai_all', 'staff_first', 'ai_outside_hours'] as const).map((m) => <option key={m} value={m}>{t(`settings.modes.${m}`)}</option>)}
          </select>
        </div>
        <div className="col-sm-4">
          <label className="form-label" htmlFor="ring">{t('settings.ringSeconds')}</label>
          <input id="ring" type="number" className={`form-control${invalid(fields, 'staffRingSeconds')}`} value={v.staffRingSeconds} onChange={(e) => set('staffRingSeconds', Number(e.target.value))} />
          <FieldMessage fields={fields} path="staffRingSeconds" />
        </div>
        <div className="col-sm-4">
          <label className="form-label" htmlFor="transfer-kind">{t('settings.transferKind')}</label>
          <select id="transfer-kind" className="form-select" value={v.transferTargetKind ?? ''} onChange={(e) => set('transferTargetKind', (e.target.value || null) as Kind)}>
            <option value="">{t('settings.noTransfer')}</option>
            <option value="endpoint">{t('settings.endpoint')}</option>
            <option value="number">{t('settings.number')}</option>
          </select>
        </div>
        <div className="col-sm-8">
          <label className="form-label" htmlFor="transfer-target">{t('settings.transferTarget')}</label>
          <input id="transfer-target" className={`form-control${invalid(fields, 'transferTarget')}`} value={v.transferTarget ?? ''} onChange={(e) => set('transferTarget', e.target.value)} />
          <FieldMessage fields={fields} path="transferTarget" />
        </div>
      </div>
      <div className="d-flex align-items-center gap-2 mt-3">
        <button type="submit" className="btn btn-primary">{t('settings.save')}</button>
        {saved && <span className="text-success small">{t('settings.saved')}</span>}
      </div>
    </form>
  );
}
