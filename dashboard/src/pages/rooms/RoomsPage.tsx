import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiningRoomDto, DiningTableDto } from '../../../../api/src/contract/index.ts';
import { roomsApi, tablesApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { RoomForm } from './RoomForm.tsx';
import { TableForm } from './TableForm.tsx';

type Editing =
  | { what: 'room'; room: DiningRoomDto | null }
  | { what: 'table'; roomId: string; table: DiningTableDto | null }
  | null;

/** Rooms and their tables, with the capacity the reservation engine uses. */
export function RoomsPage() {
  const { t } = useTranslation();
  const { id: rid } = useRestaurant();
  const [editing, setEditing] = useState<Editing>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error, reload } = useLoad(() => roomsApi.list(rid), [rid]);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  const rooms = data.items;
  const done = () => { setEditing(null); reload(); };
  const removeRoom = (r: DiningRoomDto) => roomsApi.remove(rid, r.id).then(reload, setActionError);
  const removeTable = (x: DiningTableDto) => tablesApi.remove(rid, x.id).then(reload, setActionError);
  const seats = (r: DiningRoomDto) => r.tables.filter((x) => x.active).reduce((n, x) => n + x.maxCapacity, 0);

  return (
    <>
      <PageHeader title={t('nav.rooms')}>
        {editing === null && <button type="button" className="btn btn-primary" data-testid="new-room" onClick={() => setEditing({ what: 'room', room: null })}>{t('rooms.newRoom')}</button>}
      </PageHeader>
      {actionError !== null && <ErrorAlert error={actionError} />}
      {editing?.what === 'room' && <RoomForm key={editing.room?.id ?? 'new'} restaurantId={rid} room={editing.room} onSaved={done} onCancel={() => setEditing(null)} />}
      {rooms.length === 0 && <p className="text-body-secondary">{t('rooms.empty')}</p>}
      <div className="row row-cols-1 row-cols-xl-2 g-3">
        {rooms.map((r) => (
          <div className="col" key={r.id}>
            <section className="card shadow-sm h-100" data-testid="room-card">
              <div className="card-body">
                <div className="d-flex gap-2 align-items-start mb-2">
                  <div className="me-auto">
                    <h2 className="h5 mb-0">{r.name}{!r.active && <span className="badge text-bg-secondary ms-2 fs-6">{t('crud.inactive')}</span>}</h2>
                    <div className="small text-body-secondary">{t('rooms.summary', { tables: r.tables.length, seats: seats(r) })}</div>
                  </div>
                  <RowActions name={r.name} onEdit={() => setEditing({ what: 'room', room: r })} onDelete={() => void removeRoom(r)} />
                </div>
                {editing?.what === 'table' && editing.roomId === r.id && (
                  <TableForm key={editing.table?.id ?? 'new'} restaurantId={rid} rooms={rooms} roomId={r.id} table={editing.table} onSaved={done} onCancel={() => setEditing(null)} />
                )}
                <table className="table table-sm align-middle mb-2">
                  <thead><tr><th>{t('rooms.tableName')}</th><th>{t('rooms.capacity')}</th><th /><th /></tr></thead>
                  <tbody>
                    {[...r.tables].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, undefined, { numeric: true })).map((x) => (
                      <tr key={x.id} className={x.active ? '' : 'text-body-secondary'} data-testid="table-row">
                        <td className="fw-semibold">{x.name}</td>
                        <td>{x.minCapacity === x.maxCapacity ? x.maxCapacity : `${x.minCapacity}–${x.maxCapacity}`} {t('rooms.guests')}</td>
                        <td className="small">
                          {x.combinable && <span className="badge text-bg-light border me-1">{t('rooms.combinable')}</span>}
                          {!x.active && <span className="badge text-bg-secondary">{t('crud.inactive')}</span>}
                        </td>
                        <td className="text-end"><RowActions name={x.name} onEdit={() => setEditing({ what: 'table', roomId: r.id, table: x })} onDelete={() => void removeTable(x)} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setEditing({ what: 'table', roomId: r.id, table: null })}>+ {t('rooms.newTable')}</button>
              </div>
            </section>
          </div>
        ))}
      </div>
    </>
  );
}
