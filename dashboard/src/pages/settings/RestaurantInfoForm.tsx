import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestaurantSettings, RestaurantSettingsUpdate } from '../../../../api/src/contract/index.ts';
import { settingsApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Check, Field, TextInput } from '../shared/Field.tsx';
import { FieldMessage } from '../shared/FieldError.tsx';
import { intText, toInt, toIntOrNull } from '../shared/numbers.ts';
import { useApiForm } from '../shared/useApiForm.ts';

const TEXTS = [
  ['name', 'col-md-6'], ['legalName', 'col-md-6'], ['phone', 'col-md-6'], ['email', 'col-md-6'],
  ['addressLine1', 'col-md-8'], ['addressLine2', 'col-md-4'], ['postcode', 'col-4 col-md-3'], ['city', 'col-8 col-md-5'],
] as const;
type TextKey = (typeof TEXTS)[number][0];
const OPTIONAL = new Set<TextKey>(['legalName', 'phone', 'email', 'addressLine2']);
const ACCEPTS = ['acceptsPickup', 'acceptsDelivery', 'acceptsDineIn', 'acceptsReservations'] as const;

/** Name, address, contact, what the restaurant takes, kitchen pace and the platform rate the savings are computed at. */
export function RestaurantInfoForm({ restaurantId, settings, onSaved }: { restaurantId: string; settings: RestaurantSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const f = form.fields;
  const [texts, setTexts] = useState<Record<TextKey, string>>(() =>
    Object.fromEntries(TEXTS.map(([k]) => [k, settings[k] ?? ''])) as Record<TextKey, string>);
  const [accepts, setAccepts] = useState(() => Object.fromEntries(ACCEPTS.map((k) => [k, settings[k]])) as Record<(typeof ACCEPTS)[number], boolean>);
  const [prep, setPrep] = useState(intText(settings.prepLeadMinutes));
  const [slotOrders, setSlotOrders] = useState(intText(settings.kitchenSlotMaxOrders));
  // Shown as a percentage with up to two decimals; stored in basis points.
  const [rate, setRate] = useState(String(settings.platformCommissionBp / 100).replace('.', ','));
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const rateNumber = Number(rate.trim().replace(',', '.'));
    const body: RestaurantSettingsUpdate = {
      ...Object.fromEntries(TEXTS.map(([k]) => [k, OPTIONAL.has(k) && texts[k].trim() === '' ? null : texts[k]])),
      ...accepts,
      prepLeadMinutes: toInt(prep), kitchenSlotMaxOrders: toIntOrNull(slotOrders),
      platformCommissionBp: rate.trim() === '' ? NaN : Math.round(rateNumber * 100),
    };
    if (await form.run(() => settingsApi.update(restaurantId, body))) {
      setSaved(true);
      onSaved();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="restaurant-settings">
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="row g-2">
        {TEXTS.map(([k, col]) => (
          <Field key={k} id={`info-${k}`} label={t(`settings.info.${k}`)} path={k} fields={f} className={col}>
            <TextInput id={`info-${k}`} type={k === 'email' ? 'email' : 'text'} value={texts[k]} onChange={(v) => { setSaved(false); setTexts((x) => ({ ...x, [k]: v })); }} fields={f} path={k} />
          </Field>
        ))}
        <fieldset className="col-12">
          <legend className="form-label fs-6 mb-1">{t('settings.info.accepts')}</legend>
          <div className="d-flex flex-wrap gap-3">
            {ACCEPTS.map((k) => <Check key={k} id={`info-${k}`} label={t(`settings.info.${k}`)} checked={accepts[k]} onChange={(v) => setAccepts((x) => ({ ...x, [k]: v }))} />)}
          </div>
        </fieldset>
        <Field id="info-prep" label={t('settings.info.prepLeadMinutes')} path="prepLeadMinutes" fields={f} className="col-6 col-md-4">
          <TextInput id="info-prep" type="number" value={prep} onChange={setPrep} fields={f} path="prepLeadMinutes" />
        </Field>
        <Field id="info-slot" label={t('settings.info.kitchenSlotMaxOrders')} path="kitchenSlotMaxOrders" fields={f} className="col-6 col-md-4">
          <TextInput id="info-slot" type="number" value={slotOrders} onChange={setSlotOrders} fields={f} path="kitchenSlotMaxOrders" placeholder={t('services.none')} />
        </Field>
        <div className="col-md-4">
          <label className="form-label" htmlFor="info-rate">{t('settings.info.commission')}</label>
          <div className="input-group has-validation">
            <TextInput id="info-rate" inputMode="decimal" value={rate} onChange={setRate} fields={f} path="platformCommissionBp" />
            <span className="input-group-text">%</span>
            <FieldMessage fields={f} path="platformCommissionBp" />
          </div>
        </div>
      </div>
      <div className="d-flex align-items-center gap-2 mt-3">
        <button type="submit" className="btn btn-primary" disabled={form.busy} data-testid="save-restaurant">{t('settings.save')}</button>
        {saved && <span className="text-success small">{t('settings.saved')}</span>}
      </div>
    </form>
  );
}
