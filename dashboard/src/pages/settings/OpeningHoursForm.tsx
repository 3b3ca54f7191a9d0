import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningHoursList } from '../../../../api/src/contract/index.ts';
import { hoursApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { FieldMessage, invalid } from '../shared/FieldError.tsx';
import { useApiForm } from '../shared/useApiForm.ts';
import { useLoad } from '../shared/useLoad.ts';
import { WEEKDAYS } from '../shared/WeekdayPicker.tsx';

interface Row { key: number; weekday: number; opensAt: string; closesAt: string }
let nextKey = 0;
const rowsOf = (list: OpeningHoursList): Row[] =>
  [...list.items].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt))
    .map((h) => ({ key: nextKey++, weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt }));

/** The week's openings, several per day (lunch, dinner); saved as one whole week. */
export function OpeningHoursForm({ restaurantId }: { restaurantId: string }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saved, setSaved] = useState(false);
  const loaded = useLoad(() => hoursApi.get(restaurantId).then((l) => setRows(rowsOf(l))), [restaurantId]);
  if (!rows) return loaded.error ? <ErrorAlert error={loaded.error} /> : <Spinner />;

  const edit = (next: Row[]) => { setSaved(false); setRows(next); };
  const set = (key: number, patch: Partial<Row>) => edit(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // The API names rows by their index in the list sent, which is `rows` in this order.
  const path = (r: Row, field?: string) => `items.${rows.indexOf(r)}${field ? `.${field}` : ''}`;
  const save = async () => {
    const out = await form.run(() => hoursApi.put(restaurantId, { items: rows.map(({ weekday, opensAt, closesAt }) => ({ weekday, opensAt, closesAt })) }));
    if (out) { setRows(rowsOf(out)); setSaved(true); }
  };

  return (
    <div data-testid="opening-hours">
      {form.general !== null && <ErrorAlert error={form.general} />}
      <table className="table table-sm align-middle mb-2">
        <tbody>
          {WEEKDAYS.map((d) => {
            const mine = rows.filter((r) => r.weekday === d);
            return (
              <tr key={d} data-testid={`hours-day-${d}`}>
                <th className="fw-semibold" style={{ width: '7rem' }}>
                  {t(`weekday.long.${d}`)}
                  <button type="button" className="btn btn-sm btn-link p-0 d-block fw-normal text-nowrap" data-testid={`add-hours-${d}`}
                    onClick={() => edit([...rows, { key: nextKey++, weekday: d, opensAt: mine.length ? '19:00' : '12:00', closesAt: mine.length ? '22:30' : '14:30' }])}>
                    + {t('hours.add')}
                  </button>
                </th>
                <td>
                  {mine.length === 0 && <span className="text-body-secondary small me-2">{t('hours.closed')}</span>}
                  {mine.map((r) => (
                    <div key={r.key} className="mb-1">
                      <div className="d-inline-flex align-items-center gap-1">
                        <input type="time" className={`form-control form-control-sm${invalid(form.fields, path(r, 'opensAt'))}`} aria-label={t('hours.opensAt')} value={r.opensAt} onChange={(e) => set(r.key, { opensAt: e.target.value })} />
                        <span>–</span>
                        <input type="time" className={`form-control form-control-sm${invalid(form.fields, path(r, 'closesAt'))}`} aria-label={t('hours.closesAt')} value={r.closesAt} onChange={(e) => set(r.key, { closesAt: e.target.value })} />
                        <button type="button" className="btn btn-sm btn-outline-secondary" aria-label={t('hours.remove')} onClick={() => edit(rows.filter((x) => x.key !== r.key))}>×</button>
                      </div>
                      <FieldMessage fields={form.fields} path={path(r)} />
                      <FieldMessage fields={form.fields} path={path(r, 'opensAt')} />
                      <FieldMessage fields={form.fields} path={path(r, 'closesAt')} />
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="d-flex align-items-center gap-2">
        <button type="button" className="btn btn-primary" disabled={form.busy} data-testid="save-hours" onClick={() => void save()}>{t('hours.save')}</button>
        {saved && <span className="text-success small">{t('settings.saved')}</span>}
      </div>
    </div>
  );
}
