import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiningRoomDto, DiningTableBody, DiningTableDto } from '../../../../api/src/contract/index.ts';
import { tablesApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Check, Field, TextInput } from '../shared/Field.tsx';
import { FormButtons } from '../shared/RowActions.tsx';
import { toInt } from '../shared/numbers.ts';
import { useApiForm } from '../shared/useApiForm.ts';

/** A table: the planning places reservations on tables whose capacity fits the party. */
export function TableForm({ restaurantId, rooms, roomId, table, onSaved, onCancel }: {
  restaurantId: string; rooms: DiningRoomDto[]; roomId: string; table: DiningTableDto | null; onSaved: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm();
  const f = form.fields;
  const [v, setV] = useState({
    roomId: table?.roomId ?? roomId, name: table?.name ?? '', min: String(table?.minCapacity ?? 1), max: String(table?.maxCapacity ?? 2),
  });
  const [combinable, setCombinable] = useState(table?.combinable ?? false);
  const [active, setActive] = useState(table?.active ?? true);
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: DiningTableBody = { roomId: v.roomId, name: v.name, minCapacity: toInt(v.min), maxCapacity: toInt(v.max), combinable, active };
    if (await form.run(() => (table ? tablesApi.update(restaurantId, table.id, body) : tablesApi.create(restaurantId, body)))) onSaved();
  };
  return (
    <form className="border rounded p-3 mb-2 bg-body-tertiary" onSubmit={(e) => void submit(e)} noValidate data-testid="table-form">
      <h3 className="h6">{table ? t('crud.editing', { name: table.name }) : t('rooms.newTable')}</h3>
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="row g-2">
        <Field id="table-name" label={t('rooms.tableName')} path="name" fields={f} className="col-6 col-md-3">
          <TextInput id="table-name" value={v.name} onChange={set('name')} fields={f} path="name" />
        </Field>
        <Field id="table-room" label={t('rooms.room')} path="roomId" fields={f} className="col-6 col-md-3">
          <select id="table-room" className="form-select" value={v.roomId} onChange={(e) => set('roomId')(e.target.value)}>
            {rooms.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </Field>
        <Field id="table-min" label={t('rooms.minCapacity')} path="minCapacity" fields={f} className="col-6 col-md-2">
          <TextInput id="table-min" type="number" value={v.min} onChange={set('min')} fields={f} path="minCapacity" />
        </Field>
        <Field id="table-max" label={t('rooms.maxCapacity')} path="maxCapacity" fields={f} className="col-6 col-md-2">
          <TextInput id="table-max" type="number" value={v.max} onChange={set('max')} fields={f} path="maxCapacity" />
        </Field>
        <div className="col-md-2 d-flex flex-column justify-content-end">
          <Check id="table-combinable" label={t('rooms.combinable')} checked={combinable} onChange={setCombinable} />
          <Check id="table-active" label={t('crud.active')} checked={active} onChange={setActive} />
        </div>
      </div>
      <FormButtons busy={form.busy} onCancel={onCancel} testId="save-table" />
    </form>
  );
}
