import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPlatformName } from '../../../../../api/src/contract/index.ts';
import { syncApi, type MappingView } from '../../../api/sync.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { Field, TextInput } from '../../shared/Field.tsx';
import { FormButtons } from '../../shared/RowActions.tsx';
import { useApiForm } from '../../shared/useApiForm.ts';

/** Tables by id: the platforms' APIs list no tables to choose from. */
export function TableMappings(props: {
  restaurantId: string; platform: SyncPlatformName; tables: { id: string; name: string }[]; mappings: MappingView[]; onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ localId: string; externalId: string } | null>(null);
  const nameOf = (id: string) => props.tables.find((x) => x.id === id)?.name ?? id;
  if (props.tables.length === 0) return null;

  return (
    <section data-testid="table-mappings">
      <h3 className="h6">{t('sync.entity.table')}</h3>
      <p className="small text-body-secondary">{t('sync.tablesById')}</p>
      {props.mappings.length > 0 && (
        <table className="table table-sm align-middle mb-2">
          <tbody>
            {props.mappings.map((m) => (
              <tr key={m.externalId} data-testid="mapping-row">
                <td>{nameOf(m.localId)}</td>
                <td><code>{m.externalId}</code></td>
                <td className="text-end">
                  <button type="button" className="btn btn-sm btn-link p-0" onClick={() => setEditing({ localId: m.localId, externalId: m.externalId })}>{t('crud.edit')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? (
        <TableForm {...props} initial={editing} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); props.onSaved(); }} />
      ) : (
        <button type="button" className="btn btn-sm btn-outline-primary" data-testid="new-mapping" onClick={() => setEditing({ localId: '', externalId: '' })}>+ {t('sync.newMapping')}</button>
      )}
    </section>
  );
}

function TableForm(props: {
  restaurantId: string; platform: SyncPlatformName; tables: { id: string; name: string }[]; initial: { localId: string; externalId: string }; onSaved: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm();
  const f = form.fields;
  const [v, setV] = useState(props.initial);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!v.localId) { form.fail('localId', t('sync.required')); return; }
    const saved = await form.run(() => syncApi.map(props.restaurantId, { platform: props.platform, entityType: 'table', localId: v.localId, externalId: v.externalId.trim() }));
    if (saved) props.onSaved();
  };
  return (
    <form className="border rounded p-3 mb-2 bg-body-tertiary" onSubmit={(e) => void submit(e)} noValidate data-testid="mapping-form">
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="row g-2">
        <Field id="map-local" label={t('sync.local')} path="localId" fields={f} className="col-6">
          <select id="map-local" className={`form-select${f.some((x) => x.path === 'localId') ? ' is-invalid' : ''}`} value={v.localId} onChange={(e) => setV((x) => ({ ...x, localId: e.target.value }))}>
            <option value="">—</option>
            {props.tables.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field id="map-external" label={t('sync.externalIdShort')} path="externalId" fields={f} className="col-6">
          <TextInput id="map-external" value={v.externalId} onChange={(x) => setV((y) => ({ ...y, externalId: x }))} fields={f} path="externalId" />
        </Field>
      </div>
      <FormButtons busy={form.busy} onCancel={props.onCancel} testId="save-mapping" />
    </form>
  );
}
