import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiningServiceDto, FormulaBody, FormulaDto, MenuCategoryDto, MenuItemDto } from '../../../../api/src/contract/index.ts';
import { formulasApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { centsToInput, parseEuros } from '../menu/money.ts';
import { Check, Field, TextInput } from '../shared/Field.tsx';
import { FormButtons } from '../shared/RowActions.tsx';
import { toInt } from '../shared/numbers.ts';
import { useApiForm } from '../shared/useApiForm.ts';
import { WeekdayPicker } from '../shared/WeekdayPicker.tsx';
import { FormulaSteps, emptyStep, type StepRow } from './FormulaSteps.tsx';

const stepRows = (f: FormulaDto | null): StepRow[] =>
  f?.steps.map((s) => ({
    name: s.name, min: String(s.minChoices), max: String(s.maxChoices),
    choices: s.choices.map((c) => ({ itemId: c.itemId, supplement: centsToInput(c.supplementCents) })),
  })) ?? [emptyStep()];

export function FormulaForm(props: {
  restaurantId: string; formula: FormulaDto | null; items: MenuItemDto[]; categories: MenuCategoryDto[]; services: DiningServiceDto[];
  onSaved: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const f = props.formula;
  const form = useApiForm();
  const [name, setName] = useState(f?.name ?? '');
  const [description, setDescription] = useState(f?.description ?? '');
  const [price, setPrice] = useState(f ? centsToInput(f.priceCents) : '');
  const [available, setAvailable] = useState(f?.available ?? true);
  const [weekdays, setWeekdays] = useState<number[]>(f?.weekdays ?? []);
  const [serviceIds, setServiceIds] = useState<string[]>(f?.serviceIds ?? []);
  const [steps, setSteps] = useState<StepRow[]>(stepRows(f));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: FormulaBody = {
      name, description: description || null, priceCents: parseEuros(price), available, weekdays, serviceIds,
      steps: steps.map((s) => ({
        name: s.name, minChoices: toInt(s.min), maxChoices: toInt(s.max),
        choices: s.choices.map((c) => ({ itemId: c.itemId, supplementCents: parseEuros(c.supplement || '0') })),
      })),
    };
    const saved = await form.run(() => (f ? formulasApi.update(props.restaurantId, f.id, body) : formulasApi.create(props.restaurantId, body)));
    if (saved) props.onSaved();
  };

  return (
    <form className="card shadow-sm mb-3" onSubmit={(e) => void submit(e)} noValidate data-testid="formula-form">
      <div className="card-body">
        <h2 className="h5">{f ? t('crud.editing', { name: f.name }) : t('formulas.new')}</h2>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <div className="row g-2">
          <Field id="formula-name" label={t('crud.name')} path="name" fields={form.fields} className="col-md-6">
            <TextInput id="formula-name" value={name} onChange={setName} fields={form.fields} path="name" />
          </Field>
          <Field id="formula-price" label={t('formulas.price')} path="priceCents" fields={form.fields} className="col-md-3">
            <TextInput id="formula-price" inputMode="decimal" value={price} onChange={setPrice} fields={form.fields} path="priceCents" />
          </Field>
          <div className="col-md-3 d-flex align-items-end">
            <Check id="formula-available" label={t('crud.available')} checked={available} onChange={setAvailable} className="mb-2" />
          </div>
          <Field id="formula-description" label={t('crud.description')} path="description" fields={form.fields} className="col-12">
            <TextInput id="formula-description" value={description} onChange={setDescription} fields={form.fields} path="description" />
          </Field>
          <WeekdayPicker id="formula-weekdays" label={t('formulas.weekdays')} hint={t('formulas.everyDayHint')} value={weekdays} onChange={setWeekdays} fields={form.fields} path="weekdays" />
          {props.services.length > 0 && (
            <fieldset className="col-12">
              <legend className="form-label fs-6 mb-1">{t('formulas.services')}<span className="small text-body-secondary ms-2">{t('formulas.anyServiceHint')}</span></legend>
              <div className="d-flex flex-wrap gap-3">
                {props.services.map((s) => (
                  <Check key={s.id} id={`formula-service-${s.id}`} label={s.name} checked={serviceIds.includes(s.id)}
                    onChange={(on) => setServiceIds((ids) => (on ? [...ids, s.id] : ids.filter((x) => x !== s.id)))} />
                ))}
              </div>
            </fieldset>
          )}
        </div>
        <FormulaSteps steps={steps} onChange={setSteps} items={props.items} categories={props.categories} fields={form.fields} />
        <FormButtons busy={form.busy} onCancel={props.onCancel} testId="save-formula" />
      </div>
    </form>
  );
}
