import { useTranslation } from 'react-i18next';
import type { MenuCategoryDto, MenuItemDto } from '../../../../api/src/contract/index.ts';
import type { FieldError } from '../../api/client.ts';
import { FieldMessage, invalid } from '../shared/FieldError.tsx';

export interface ChoiceRow { itemId: string; supplement: string }
export interface StepRow { name: string; min: string; max: string; choices: ChoiceRow[] }

export const emptyStep = (): StepRow => ({ name: '', min: '1', max: '1', choices: [{ itemId: '', supplement: '0' }] });

/** The courses of a formula, in order: each one picks among menu items, some at a supplement. */
export function FormulaSteps(props: {
  steps: StepRow[]; onChange: (s: StepRow[]) => void; items: MenuItemDto[]; categories: MenuCategoryDto[]; fields: FieldError[];
}) {
  const { t } = useTranslation();
  const { steps, fields } = props;
  const setStep = (i: number, patch: Partial<StepRow>) => props.onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const setChoice = (i: number, k: number, patch: Partial<ChoiceRow>) =>
    setStep(i, { choices: steps[i]?.choices.map((c, j) => (j === k ? { ...c, ...patch } : c)) ?? [] });

  return (
    <fieldset className="mt-3">
      <legend className="fs-6 fw-semibold">{t('formulas.steps')}</legend>
      <FieldMessage fields={fields} path="steps" />
      {steps.map((s, i) => (
        <div key={i} className="border rounded p-2 mb-2 bg-body-tertiary" data-testid={`step-${i}`}>
          <div className="row g-2 align-items-end">
            <div className="col-sm-6">
              <label className="form-label small mb-0" htmlFor={`step-name-${i}`}>{t('formulas.stepName', { n: i + 1 })}</label>
              <input id={`step-name-${i}`} className={`form-control form-control-sm${invalid(fields, `steps.${i}.name`)}`} value={s.name}
                placeholder={t('formulas.stepPlaceholder')} onChange={(e) => setStep(i, { name: e.target.value })} />
              <FieldMessage fields={fields} path={`steps.${i}.name`} />
            </div>
            <div className="col-4 col-sm-2">
              <label className="form-label small mb-0" htmlFor={`step-min-${i}`}>{t('formulas.min')}</label>
              <input id={`step-min-${i}`} type="number" min={0} className={`form-control form-control-sm${invalid(fields, `steps.${i}.minChoices`)}`}
                value={s.min} onChange={(e) => setStep(i, { min: e.target.value })} />
            </div>
            <div className="col-4 col-sm-2">
              <label className="form-label small mb-0" htmlFor={`step-max-${i}`}>{t('formulas.max')}</label>
              <input id={`step-max-${i}`} type="number" min={1} className={`form-control form-control-sm${invalid(fields, `steps.${i}.maxChoices`)}`}
                value={s.max} onChange={(e) => setStep(i, { max: e.target.value })} />
            </div>
            <div className="col-4 col-sm-2 text-end">
              <button type="button" className="btn btn-sm btn-outline-danger" disabled={steps.length === 1}
                onClick={() => props.onChange(steps.filter((_, j) => j !== i))}>{t('formulas.removeStep')}</button>
            </div>
          </div>
          <FieldMessage fields={fields} path={`steps.${i}.minChoices`} />
          <FieldMessage fields={fields} path={`steps.${i}.maxChoices`} />
          <FieldMessage fields={fields} path={`steps.${i}.choices`} />
          <div className="mt-2">
            {s.choices.map((c, k) => (
              <div key={k} className="row g-2 mb-1 align-items-start">
                <div className="col-7">
                  <select className={`form-select form-select-sm${invalid(fields, `steps.${i}.choices.${k}.itemId`)}`} aria-label={t('formulas.choiceItem')}
                    data-testid={`choice-item-${i}-${k}`} value={c.itemId} onChange={(e) => setChoice(i, k, { itemId: e.target.value })}>
                    <option value="">{t('formulas.pickItem')}</option>
                    {props.categories.map((cat) => (
                      <optgroup key={cat.id} label={cat.name}>
                        {props.items.filter((it) => it.categoryId === cat.id).map((it) => <option key={it.id} value={it.id}>{it.name}</option>)}
                      </optgroup>
                    ))}
                  </select>
                  <FieldMessage fields={fields} path={`steps.${i}.choices.${k}.itemId`} />
                </div>
                <div className="col-4">
                  <div className="input-group input-group-sm has-validation">
                    <span className="input-group-text">+</span>
                    <input className={`form-control${invalid(fields, `steps.${i}.choices.${k}.supplementCents`)}`} inputMode="decimal"
                      aria-label={t('formulas.supplement')} data-testid={`choice-supplement-${i}-${k}`} value={c.supplement}
                      onChange={(e) => setChoice(i, k, { supplement: e.target.value })} />
                    <span className="input-group-text">€</span>
                    <FieldMessage fields={fields} path={`steps.${i}.choices.${k}.supplementCents`} />
                  </div>
                </div>
                <div className="col-1">
                  <button type="button" className="btn btn-sm btn-outline-secondary" aria-label={t('formulas.removeChoice')}
                    onClick={() => setStep(i, { choices: s.choices.filter((_, j) => j !== k) })}>×</button>
                </div>
              </div>
            ))}
            <button type="button" className="btn btn-sm btn-link px-0" data-testid={`add-choice-${i}`}
              onClick={() => setStep(i, { choices: [...s.choices, { itemId: '', supplement: '0' }] })}>+ {t('formulas.addChoice')}</button>
          </div>
        </div>
      ))}
      <button type="button" className="btn btn-sm btn-outline-primary" data-testid="add-step" onClick={() => props.onChange([...steps, emptyStep()])}>
        + {t('formulas.addStep')}
      </button>
    </fieldset>
  );
}
