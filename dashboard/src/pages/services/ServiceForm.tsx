import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiningServiceBody, DiningServiceDto } from '../../../../api/src/contract/index.ts';
import { servicesApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Check, Field, TextInput } from '../shared/Field.tsx';
import { FormButtons } from '../shared/RowActions.tsx';
import { intText, toInt, toIntOrNull } from '../shared/numbers.ts';
import { useApiForm } from '../shared/useApiForm.ts';
import { WeekdayPicker } from '../shared/WeekdayPicker.tsx';
import { TurnTimes, type TurnRow } from './TurnTimes.tsx';

const NUMBERS = [
  ['slotIntervalMinutes', 'slotInterval'], ['defaultTurnMinutes', 'defaultTurn'], ['minParty', 'minParty'], ['maxParty', 'maxParty'],
  ['maxCoversPerService', 'coversPerService'], ['maxCoversPerSlot', 'coversPerSlot'], ['prepaymentAboveGuests', 'prepayment'],
] as const;
type NumberKey = (typeof NUMBERS)[number][0];
// These may be left empty: no cap, no prepayment.
const NULLABLE = new Set<NumberKey>(['maxCoversPerService', 'maxCoversPerSlot', 'prepaymentAboveGuests']);

/** A seating service (Déjeuner, Dîner): when guests can sit, how many, and for how long. */
export function ServiceForm({ restaurantId, service, onSaved, onCancel }: {
  restaurantId: string; service: DiningServiceDto | null; onSaved: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const s = service;
  const form = useApiForm();
  const [name, setName] = useState(s?.name ?? '');
  const [weekdays, setWeekdays] = useState<number[]>(s?.weekdays ?? [1, 2, 3, 4, 5, 6]);
  const [times, setTimes] = useState({ startTime: s?.startTime ?? '12:00', endTime: s?.endTime ?? '14:30', lastSeatingTime: s?.lastSeatingTime ?? '13:45' });
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>({
    slotIntervalMinutes: intText(s?.slotIntervalMinutes ?? 15), defaultTurnMinutes: intText(s?.defaultTurnMinutes ?? 90),
    minParty: intText(s?.minParty ?? 1), maxParty: intText(s?.maxParty ?? 12), maxCoversPerService: intText(s?.maxCoversPerService),
    maxCoversPerSlot: intText(s?.maxCoversPerSlot), prepaymentAboveGuests: intText(s?.prepaymentAboveGuests),
  });
  const [turns, setTurns] = useState<TurnRow[]>(s?.turnTimes.map((x) => ({ maxParty: String(x.maxParty), minutes: String(x.minutes) })) ?? []);
  const [active, setActive] = useState(s?.active ?? true);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = (k: NumberKey) => (NULLABLE.has(k) ? toIntOrNull(numbers[k]) : toInt(numbers[k]));
    const body: DiningServiceBody = {
      name, weekdays, ...times, active,
      slotIntervalMinutes: toInt(numbers.slotIntervalMinutes), defaultTurnMinutes: toInt(numbers.defaultTurnMinutes),
      minParty: toInt(numbers.minParty), maxParty: toInt(numbers.maxParty), maxCoversPerService: n('maxCoversPerService'),
      maxCoversPerSlot: n('maxCoversPerSlot'), prepaymentAboveGuests: n('prepaymentAboveGuests'),
      turnTimes: turns.map((r) => ({ maxParty: toInt(r.maxParty), minutes: toInt(r.minutes) })),
    };
    const saved = await form.run(() => (s ? servicesApi.update(restaurantId, s.id, body) : servicesApi.create(restaurantId, body)));
    if (saved) onSaved();
  };

  return (
    <form className="card shadow-sm mb-3" onSubmit={(e) => void submit(e)} noValidate data-testid="service-form">
      <div className="card-body">
        <h2 className="h5">{s ? t('crud.editing', { name: s.name }) : t('services.new')}</h2>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <div className="row g-2">
          <Field id="service-name" label={t('crud.name')} path="name" fields={form.fields} className="col-md-6">
            <TextInput id="service-name" value={name} onChange={setName} fields={form.fields} path="name" placeholder={t('services.namePlaceholder')} />
          </Field>
          <div className="col-md-6 d-flex align-items-end">
            <Check id="service-active" label={t('crud.active')} checked={active} onChange={setActive} className="mb-2" />
          </div>
          <WeekdayPicker id="service-weekdays" label={t('services.weekdays')} value={weekdays} onChange={setWeekdays} fields={form.fields} path="weekdays" />
          {(['startTime', 'lastSeatingTime', 'endTime'] as const).map((k) => (
            <Field key={k} id={`service-${k}`} label={t(`services.${k}`)} path={k} fields={form.fields} className="col-4 col-md-3">
              <TextInput id={`service-${k}`} type="time" value={times[k]} onChange={(v) => setTimes((x) => ({ ...x, [k]: v }))} fields={form.fields} path={k} />
            </Field>
          ))}
          {NUMBERS.map(([k, label]) => (
            <Field key={k} id={`service-${k}`} label={t(`services.${label}`)} path={k} fields={form.fields} className="col-6 col-md-3">
              <TextInput id={`service-${k}`} type="number" value={numbers[k]} onChange={(v) => setNumbers((x) => ({ ...x, [k]: v }))} fields={form.fields} path={k}
                placeholder={NULLABLE.has(k) ? t('services.none') : undefined} />
            </Field>
          ))}
          <TurnTimes rows={turns} onChange={setTurns} fields={form.fields} />
        </div>
        <FormButtons busy={form.busy} onCancel={onCancel} testId="save-service" />
      </div>
    </form>
  );
}
