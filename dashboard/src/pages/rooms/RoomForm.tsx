import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiningRoomDto } from '../../../../api/src/contract/index.ts';
import { roomsApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Check, Field, TextInput } from '../shared/Field.tsx';
import { FormButtons } from '../shared/RowActions.tsx';
import { useApiForm } from '../shared/useApiForm.ts';

export function RoomForm({ restaurantId, room, onSaved, onCancel }: { restaurantId: string; room: DiningRoomDto | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [name, setName] = useState(room?.name ?? '');
  const [active, setActive] = useState(room?.active ?? true);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name, active };
    if (await form.run(() => (room ? roomsApi.update(restaurantId, room.id, body) : roomsApi.create(restaurantId, body)))) onSaved();
  };
  return (
    <form className="card shadow-sm mb-3" onSubmit={(e) => void submit(e)} noValidate data-testid="room-form">
      <div className="card-body">
        <h2 className="h5">{room ? t('crud.editing', { name: room.name }) : t('rooms.newRoom')}</h2>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <div className="row g-2">
          <Field id="room-name" label={t('rooms.roomName')} path="name" fields={form.fields}>
            <TextInput id="room-name" value={name} onChange={setName} fields={form.fields} path="name" placeholder={t('rooms.roomPlaceholder')} />
          </Field>
          <div className="col-sm-6 d-flex align-items-end"><Check id="room-active" label={t('crud.active')} checked={active} onChange={setActive} className="mb-2" /></div>
        </div>
        <FormButtons busy={form.busy} onCancel={onCancel} testId="save-room" />
      </div>
    </form>
  );
}
