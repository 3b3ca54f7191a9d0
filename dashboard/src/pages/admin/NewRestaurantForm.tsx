import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminRestaurantCreated, AdminRestaurantCreateRequest } from '../../../../api/src/contract/index.ts';
import { adminRestaurantsApi } from '../../api/admin.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Field, TextInput } from '../shared/Field.tsx';
import { invalid } from '../shared/FieldError.tsx';
import { useApiForm } from '../shared/useApiForm.ts';

const TEXTS = [
  ['name', 'name', 'col-md-6'], ['slug', 'slug', 'col-md-6'],
  ['addressLine1', 'addressLine1', 'col-md-8'], ['addressLine2', 'addressLine2', 'col-md-4'],
  ['postcode', 'postcode', 'col-4 col-md-3'], ['city', 'city', 'col-8 col-md-5'], ['phone', 'phone', 'col-md-4'],
  ['ownerEmail', 'owner.email', 'col-md-6'], ['ownerName', 'owner.name', 'col-md-6'],
] as const;
type TextKey = (typeof TEXTS)[number][0];
const EMPTY = Object.fromEntries(TEXTS.map(([k]) => [k, ''])) as Record<TextKey, string>;

/** "Chez Nadia & Fils" → "chez-nadia-fils": a slug suggested from the name until the admin types one. */
export const slugOf = (name: string) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);

/** A restaurant and its owner; the API checks every field and its messages land under each one. */
export function NewRestaurantForm({ onCreated, onCancel }: { onCreated: (r: AdminRestaurantCreated) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const f = form.fields;
  const [texts, setTexts] = useState(EMPTY);
  const [slugTouched, setSlugTouched] = useState(false);
  const [timeZone, setTimeZone] = useState('Europe/Paris');
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  const set = (k: TextKey, v: string) => setTexts((x) => ({ ...x, [k]: v, ...(k === 'name' && !slugTouched ? { slug: slugOf(v) } : {}) }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const opt = (v: string) => (v.trim() === '' ? undefined : v);
    const body: AdminRestaurantCreateRequest = {
      name: texts.name, slug: texts.slug, addressLine1: texts.addressLine1, addressLine2: opt(texts.addressLine2) ?? null,
      postcode: texts.postcode, city: texts.city, countryCode: 'FR', timeZone, phone: opt(texts.phone) ?? null,
      owner: { email: texts.ownerEmail, ...(opt(texts.ownerName) ? { name: texts.ownerName } : {}) },
    };
    const created = await form.run(() => adminRestaurantsApi.create(body));
    if (created) onCreated(created);
  };

  return (
    <form className="card shadow-sm mb-3" onSubmit={(e) => void submit(e)} noValidate data-testid="new-restaurant-form">
      <div className="card-body">
        <h2 className="h5">{t('admin.create.title')}</h2>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <div className="row g-2">
          {TEXTS.map(([k, path, col]) => (
            <Field key={k} id={`new-${k}`} label={t(`admin.create.${k}`)} path={path} fields={f} className={col}>
              <TextInput id={`new-${k}`} type={k === 'ownerEmail' ? 'email' : 'text'} value={texts[k]} fields={f} path={path}
                onChange={(v) => { if (k === 'slug') setSlugTouched(true); set(k, v); }} />
            </Field>
          ))}
          <Field id="new-timeZone" label={t('admin.create.timeZone')} path="timeZone" fields={f} className="col-md-4">
            <select id="new-timeZone" className={`form-select${invalid(f, 'timeZone')}`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {zones.map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          </Field>
        </div>
        <p className="form-text mb-0 mt-2">{t('admin.create.ownerHelp')}</p>
        <div className="d-flex gap-2 mt-3">
          <button type="submit" className="btn btn-primary" disabled={form.busy} data-testid="create-restaurant">{t('admin.create.submit')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>{t('app.cancel')}</button>
        </div>
      </div>
    </form>
  );
}
