import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client.ts';
import { FieldMessage } from './FieldError.tsx';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** ISO weekdays (1 = Monday) as a row of toggles. */
export function WeekdayPicker(props: { id: string; label: string; value: number[]; onChange: (v: number[]) => void; fields: FieldError[]; path: string; hint?: string }) {
  const { t } = useTranslation();
  const toggle = (d: number) => props.onChange(props.value.includes(d) ? props.value.filter((x) => x !== d) : [...props.value, d].sort());
  return (
    <fieldset className="col-12">
      <legend className="form-label fs-6 mb-1">{props.label}{props.hint && <span className="small text-body-secondary ms-2">{props.hint}</span>}</legend>
      <div className="d-flex flex-wrap gap-1" role="group">
        {WEEKDAYS.map((d) => (
          <span key={d}>
            <input type="checkbox" className="btn-check" id={`${props.id}-${d}`} checked={props.value.includes(d)} onChange={() => toggle(d)} />
            <label className="btn btn-sm btn-outline-primary" htmlFor={`${props.id}-${d}`} title={t(`weekday.long.${d}`)}>{t(`weekday.short.${d}`)}</label>
          </span>
        ))}
      </div>
      <FieldMessage fields={props.fields} path={props.path} />
    </fieldset>
  );
}

/** "Lun, Mar, Mer" or "Tous les jours". */
export function useWeekdayList(): (days: number[]) => string {
  const { t } = useTranslation();
  return (days) => (days.length === 0 || days.length === 7 ? t('weekday.every') : days.map((d) => t(`weekday.short.${d}`)).join(', '));
}
