import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { ReservationDetail, SlotsResponse as SlotsSchema } from '../../../../api/src/contract/index.ts';
import { ApiError, type FieldError } from '../../api/client.ts';
import { reservationsApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { FieldMessage, invalid } from '../shared/FieldError.tsx';

/** Books with the same availability as the agent: only the API's free slots can be picked. */
export function NewReservationForm(props: { restaurantId: string; initialDate: string; onCreated: (r: ReservationDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(props.initialDate);
  const [partySize, setPartySize] = useState(2);
  const [slots, setSlots] = useState<z.infer<typeof SlotsSchema> | null>(null);
  const [time, setTime] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<FieldError[]>([]);
  const [idempotencyKey] = useState(() => `dash-${crypto.randomUUID()}`);

  useEffect(() => {
    setSlots(null);
    setTime('');
    if (!date || partySize < 1) return;
    let cancelled = false;
    reservationsApi.slots(props.restaurantId, date, partySize).then((s) => !cancelled && setSlots(s), (e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [props.restaurantId, date, partySize]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFields([]);
    try {
      props.onCreated(await reservationsApi.create(props.restaurantId, {
        at: { date, time }, partySize, customer: { name, ...(phone ? { phone } : {}) },
        ...(notes ? { notes } : {}), allergies: [], idempotencyKey, source: 'dashboard',
      }));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFields(err.fields);
    }
  };

  const free = slots?.services.flatMap((s) => s.slots.filter((x) => x.available).map((x) => ({ ...x, service: s.service.name }))) ?? [];
  return (
    <form className="card shadow-sm mb-3" onSubmit={(e) => void submit(e)} noValidate data-testid="new-reservation">
      <div className="card-body">
        <h2 className="h5">{t('reservations.new')}</h2>
        {error !== null && fields.length === 0 && <ErrorAlert error={error} />}
        <div className="row g-2">
          <div className="col-sm-4 col-lg-2">
            <label className="form-label" htmlFor="res-date">{t('reservations.date')}</label>
            <input id="res-date" type="date" className={`form-control${invalid(fields, 'at.date')}`} value={date} onChange={(e) => setDate(e.target.value)} />
            <FieldMessage fields={fields} path="at.date" />
          </div>
          <div className="col-sm-4 col-lg-2">
            <label className="form-label" htmlFor="res-party">{t('reservations.partySize')}</label>
            <input id="res-party" type="number" min={1} className={`form-control${invalid(fields, 'partySize')}`} value={partySize}
              onChange={(e) => setPartySize(Number(e.target.value))} />
            <FieldMessage fields={fields} path="partySize" />
          </div>
          <div className="col-sm-4 col-lg-2">
            <label className="form-label" htmlFor="res-time">{t('reservations.time')}</label>
            <select id="res-time" className={`form-select${invalid(fields, 'at.time')}`} value={time} onChange={(e) => setTime(e.target.value)}>
              <option value="">{slots ? (free.length ? t('reservations.pickSlot') : t('reservations.noSlot')) : t('app.loading')}</option>
              {free.map((s) => <option key={s.startsAt} value={s.localTime}>{s.localTime} · {s.service}</option>)}
            </select>
            <FieldMessage fields={fields} path="at.time" />
          </div>
          <div className="col-sm-6 col-lg-3">
            <label className="form-label" htmlFor="res-name">{t('reservations.name')}</label>
            <input id="res-name" className={`form-control${invalid(fields, 'customer.name')}`} value={name} onChange={(e) => setName(e.target.value)} />
            <FieldMessage fields={fields} path="customer.name" />
          </div>
          <div className="col-sm-6 col-lg-3">
            <label className="form-label" htmlFor="res-phone">{t('reservations.phone')}</label>
            <input id="res-phone" type="tel" className={`form-control${invalid(fields, 'customer.phone')}`} value={phone} onChange={(e) => setPhone(e.target.value)} />
            <FieldMessage fields={fields} path="customer.phone" />
          </div>
          <div className="col-12">
            <label className="form-label" htmlFor="res-notes">{t('reservations.notes')}</label>
            <input id="res-notes" className="form-control" value={notes} onChange={(e) => setNotes(e.target.value)} />
          </div>
        </div>
        <div className="d-flex gap-2 mt-3">
          <button type="submit" className="btn btn-primary" data-testid="create-reservation">{t('reservations.create')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={props.onCancel}>{t('app.cancel')}</button>
        </div>
      </div>
    </form>
  );
}
