import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPlatformName } from '../../../../../api/src/contract/index.ts';
import { offersApi, roomsApi, servicesApi } from '../../../api/catalog.ts';
import { syncApi, type MappingBody } from '../../../api/sync.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { Field, TextInput } from '../../shared/Field.tsx';
import { FormButtons } from '../../shared/RowActions.tsx';
import { useApiForm } from '../../shared/useApiForm.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { PLATFORM_LABEL } from './platforms.ts';

const MAPPED = ['service', 'room', 'table', 'offer'] as const;
type Mapped = (typeof MAPPED)[number];
type Choices = Record<Mapped, { id: string; name: string }[]>;

async function loadChoices(rid: string): Promise<Choices> {
  const [services, rooms, offers] = await Promise.all([servicesApi.list(rid), roomsApi.list(rid), offersApi.list(rid)]);
  return {
    service: services.items.map((s) => ({ id: s.id, name: s.name })),
    room: rooms.items.map((r) => ({ id: r.id, name: r.name })),
    table: rooms.items.flatMap((r) => r.tables.map((x) => ({ id: x.id, name: `${r.name} · ${x.name}` }))),
    offer: offers.items.map((o) => ({ id: o.id, name: o.name })),
  };
}

/** Our services, rooms, tables and offers matched to the platform's ids, so pushed bookings land in the right place. */
export function MappingsCard({ restaurantId, platforms }: { restaurantId: string; platforms: SyncPlatformName[] }) {
  const { t } = useTranslation();
  const mappings = useLoad(() => syncApi.mappings(restaurantId), [restaurantId]);
  const choices = useLoad(() => loadChoices(restaurantId), [restaurantId]);
  const [editing, setEditing] = useState<MappingBody | 'new' | null>(null);
  const nameOf = (type: string, id: string) => choices.data?.[type as Mapped]?.find((c) => c.id === id)?.name ?? id;
  const error = mappings.error ?? choices.error;

  if (platforms.length === 0) return <p className="text-body-secondary small mb-0">{t('sync.mappingNeedsPlatform')}</p>;
  return (
    <div data-testid="sync-mappings">
      {error !== null && <ErrorAlert error={error} />}
      {editing !== null && choices.data ? (
        <MappingForm restaurantId={restaurantId} platforms={platforms} choices={choices.data} initial={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); mappings.reload(); }} />
      ) : (
        <button type="button" className="btn btn-sm btn-outline-primary mb-2" data-testid="new-mapping" onClick={() => setEditing('new')}>+ {t('sync.newMapping')}</button>
      )}
      {mappings.data?.length === 0 && <p className="text-body-secondary small mb-0">{t('sync.noMapping')}</p>}
      {mappings.data && mappings.data.length > 0 && (
        <table className="table table-sm align-middle mb-0">
          <thead><tr><th>{t('sync.platform')}</th><th>{t('sync.entityType')}</th><th>{t('sync.local')}</th><th>{t('sync.externalIdShort')}</th><th /></tr></thead>
          <tbody>
            {mappings.data.map((m) => (
              <tr key={`${m.platform}-${m.entityType}-${m.externalId}`} data-testid="mapping-row">
                <td>{PLATFORM_LABEL[m.platform]}</td>
                <td>{t(`sync.entity.${m.entityType}`)}</td>
                <td>{nameOf(m.entityType, m.localId)}</td>
                <td><code>{m.externalId}</code></td>
                <td className="text-end">
                  {MAPPED.includes(m.entityType as Mapped) && (
                    <button type="button" className="btn btn-sm btn-link p-0" onClick={() => setEditing({ ...m, entityType: m.entityType as Mapped })}>{t('crud.edit')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function MappingForm(props: {
  restaurantId: string; platforms: SyncPlatformName[]; choices: Choices; initial: MappingBody | null; onSaved: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm();
  const f = form.fields;
  const [v, setV] = useState<MappingBody>(props.initial ?? { platform: props.platforms[0] ?? 'zenchef', entityType: 'service', localId: '', externalId: '' });
  const set = <K extends keyof MappingBody>(k: K, value: MappingBody[K]) => setV((x) => ({ ...x, [k]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!v.localId) { form.fail('localId', t('sync.required')); return; }
    if (await form.run(() => syncApi.map(props.restaurantId, { ...v, externalId: v.externalId.trim() }))) props.onSaved();
  };
  return (
    <form className="border rounded p-3 mb-2 bg-body-tertiary" onSubmit={(e) => void submit(e)} noValidate data-testid="mapping-form">
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="row g-2">
        <div className="col-6 col-md-3">
          <label className="form-label" htmlFor="map-platform">{t('sync.platform')}</label>
          <select id="map-platform" className="form-select" value={v.platform} onChange={(e) => set('platform', e.target.value as SyncPlatformName)}>
            {props.platforms.map((p) => <option key={p} value={p}>{PLATFORM_LABEL[p]}</option>)}
          </select>
        </div>
        <div className="col-6 col-md-3">
          <label className="form-label" htmlFor="map-type">{t('sync.entityType')}</label>
          <select id="map-type" className="form-select" value={v.entityType} onChange={(e) => setV((x) => ({ ...x, entityType: e.target.value as Mapped, localId: '' }))}>
            {MAPPED.map((m) => <option key={m} value={m}>{t(`sync.entity.${m}`)}</option>)}
          </select>
        </div>
        <Field id="map-local" label={t('sync.local')} path="localId" fields={f} className="col-6 col-md-3">
          <select id="map-local" className={`form-select${f.some((x) => x.path === 'localId') ? ' is-invalid' : ''}`} value={v.localId} onChange={(e) => set('localId', e.target.value)}>
            <option value="">—</option>
            {props.choices[v.entityType].map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field id="map-external" label={t('sync.externalIdShort')} path="externalId" fields={f} className="col-6 col-md-3">
          <TextInput id="map-external" value={v.externalId} onChange={(x) => set('externalId', x)} fields={f} path="externalId" />
        </Field>
      </div>
      <FormButtons busy={form.busy} onCancel={props.onCancel} testId="save-mapping" />
    </form>
  );
}
