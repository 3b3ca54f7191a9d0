import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogOfferKind } from '../../../../api/src/contract/index.ts';
import type { FormulaDto, OfferBody, OfferDto } from '../../../../api/src/contract/index.ts';
import { offersApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { centsToInput, parseEurosOrNull } from '../menu/money.ts';
import { Check, Field, TextInput } from '../shared/Field.tsx';
import { FieldMessage } from '../shared/FieldError.tsx';
import { FormButtons } from '../shared/RowActions.tsx';
import { intText, toIntOrNull } from '../shared/numbers.ts';
import { useApiForm } from '../shared/useApiForm.ts';
import { WeekdayPicker } from '../shared/WeekdayPicker.tsx';

const ORDER_TYPES = ['pickup', 'delivery', 'dine_in'] as const;
const APPLIES = ['order', 'reservation', 'both'] as const;
const money = (c: number | null | undefined) => (c == null ? '' : centsToInput(c));

/** A promotion, a special menu or an event, and when it applies; the agent mentions the ones in force. */
export function OfferForm({ restaurantId, offer, formulas, onSaved, onCancel }: {
  restaurantId: string; offer: OfferDto | null; formulas: FormulaDto[]; onSaved: () => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const o = offer;
  const form = useApiForm();
  const f = form.fields;
  const [v, setV] = useState({
    kind: o?.kind ?? 'promotion', name: o?.name ?? '', description: o?.description ?? '',
    startDate: o?.startDate ?? '', endDate: o?.endDate ?? '', startTime: o?.startTime ?? '', endTime: o?.endTime ?? '',
    discountPercent: intText(o?.discountPercent), discountAmount: money(o?.discountAmountCents), minOrder: money(o?.minOrderCents),
    minParty: intText(o?.minParty), maxParty: intText(o?.maxParty), formulaId: o?.formulaId ?? '', appliesTo: o?.appliesTo ?? 'both',
  });
  const [weekdays, setWeekdays] = useState<number[]>(o?.weekdays ?? []);
  const [orderTypes, setOrderTypes] = useState<OfferDto['orderTypes']>(o?.orderTypes ?? []);
  const [active, setActive] = useState(o?.active ?? true);
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const text = (k: keyof typeof v, path: string, type = 'text', className = 'col-6 col-md-3') => (
    <Field id={`offer-${k}`} label={t(`offers.${k}`)} path={path} fields={f} className={className}>
      <TextInput id={`offer-${k}`} type={type} value={v[k]} onChange={set(k)} fields={f} path={path} />
    </Field>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: OfferBody = {
      kind: v.kind, name: v.name, description: v.description || null, startDate: v.startDate || null, endDate: v.endDate || null,
      startTime: v.startTime || null, endTime: v.endTime || null, weekdays, orderTypes, active, appliesTo: v.appliesTo,
      discountPercent: toIntOrNull(v.discountPercent), discountAmountCents: parseEurosOrNull(v.discountAmount),
      minOrderCents: parseEurosOrNull(v.minOrder), minParty: toIntOrNull(v.minParty), maxParty: toIntOrNull(v.maxParty),
      formulaId: v.formulaId || null,
    };
    const saved = await form.run(() => (o ? offersApi.update(restaurantId, o.id, body) : offersApi.create(restaurantId, body)));
    if (saved) onSaved();
  };

  return (
    <form className="card shadow-sm mb-3" onSubmit={(e) => void submit(e)} noValidate data-testid="offer-form">
      <div className="card-body">
        <h2 className="h5">{o ? t('crud.editing', { name: o.name }) : t('offers.new')}</h2>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <div className="row g-2">
          <Field id="offer-kind" label={t('offers.kindLabel')} path="kind" fields={f} className="col-md-3">
            <select id="offer-kind" className="form-select" value={v.kind} onChange={(e) => setV((x) => ({ ...x, kind: e.target.value as OfferDto['kind'] }))}>
              {CatalogOfferKind.options.map((k) => <option key={k} value={k}>{t(`offers.kind.${k}`)}</option>)}
            </select>
          </Field>
          {text('name', 'name', 'text', 'col-md-6')}
          <div className="col-md-3 d-flex align-items-end"><Check id="offer-active" label={t('crud.active')} checked={active} onChange={setActive} className="mb-2" /></div>
          {text('description', 'description', 'text', 'col-12')}
          {text('discountPercent', 'discountPercent', 'number')}
          {text('discountAmount', 'discountAmountCents')}
          {text('minOrder', 'minOrderCents')}
          <Field id="offer-formula" label={t('offers.formula')} path="formulaId" fields={f} className="col-6 col-md-3">
            <select id="offer-formula" className="form-select" value={v.formulaId} onChange={(e) => set('formulaId')(e.target.value)}>
              <option value="">{t('offers.noFormula')}</option>
              {formulas.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
            </select>
          </Field>
          {text('startDate', 'startDate', 'date')}
          {text('endDate', 'endDate', 'date')}
          {text('startTime', 'startTime', 'time')}
          {text('endTime', 'endTime', 'time')}
          <WeekdayPicker id="offer-weekdays" label={t('offers.weekdays')} hint={t('formulas.everyDayHint')} value={weekdays} onChange={setWeekdays} fields={f} path="weekdays" />
          <Field id="offer-applies" label={t('offers.appliesTo')} path="appliesTo" fields={f} className="col-md-3">
            <select id="offer-applies" className="form-select" value={v.appliesTo} onChange={(e) => setV((x) => ({ ...x, appliesTo: e.target.value as OfferDto['appliesTo'] }))}>
              {APPLIES.map((a) => <option key={a} value={a}>{t(`offers.applies.${a}`)}</option>)}
            </select>
          </Field>
          <fieldset className="col-md-5">
            <legend className="form-label fs-6 mb-1">{t('offers.orderTypes')}<span className="small text-body-secondary ms-2">{t('offers.allTypesHint')}</span></legend>
            <div className="d-flex flex-wrap gap-3">
              {ORDER_TYPES.map((ot) => (
                <Check key={ot} id={`offer-type-${ot}`} label={t(`orderType.${ot}`)} checked={orderTypes.includes(ot)}
                  onChange={(on) => setOrderTypes((xs) => (on ? [...xs, ot] : xs.filter((x) => x !== ot)))} />
              ))}
            </div>
            <FieldMessage fields={f} path="orderTypes" />
          </fieldset>
          {text('minParty', 'minParty', 'number', 'col-6 col-md-2')}
          {text('maxParty', 'maxParty', 'number', 'col-6 col-md-2')}
        </div>
        <FormButtons busy={form.busy} onCancel={onCancel} testId="save-offer" />
      </div>
    </form>
  );
}
