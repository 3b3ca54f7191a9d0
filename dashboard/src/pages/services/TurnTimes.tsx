import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api/client.ts';
import { FieldMessage, invalid } from '../shared/FieldError.tsx';

export interface TurnRow { maxParty: string; minutes: string }

/** How long a table is kept, by party size: "up to 2 guests: 75 min". */
export function TurnTimes({ rows, onChange, fields }: { rows: TurnRow[]; onChange: (r: TurnRow[]) => void; fields: FieldError[] }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TurnRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="col-md-6">
      <legend className="form-label fs-6 mb-1">{t('services.turnTimes')}</legend>
      <FieldMessage fields={fields} path="turnTimes" />
      {rows.map((r, i) => (
        <div key={i} className="input-group input-group-sm mb-1 has-validation" data-testid={`turn-${i}`}>
          <span className="input-group-text">{t('services.upTo')}</span>
          <input className={`form-control${invalid(fields, `turnTimes.${i}.maxParty`)}`} type="number" min={1} aria-label={t('services.turnParty')}
            value={r.maxParty} onChange={(e) => set(i, { maxParty: e.target.value })} />
          <span className="input-group-text">{t('services.guests')}</span>
          <input className={`form-control${invalid(fields, `turnTimes.${i}.minutes`)}`} type="number" min={5} aria-label={t('services.turnMinutes')}
            value={r.minutes} onChange={(e) => set(i, { minutes: e.target.value })} />
          <span className="input-group-text">min</span>
          <button type="button" className="btn btn-outline-secondary" aria-label={t('services.removeTurn')} onClick={() => onChange(rows.filter((_, j) => j !== i))}>×</button>
          <FieldMessage fields={fields} path={`turnTimes.${i}.maxParty`} />
          <FieldMessage fields={fields} path={`turnTimes.${i}.minutes`} />
        </div>
      ))}
      <button type="button" className="btn btn-sm btn-link px-0" onClick={() => onChange([...rows, { maxParty: '', minutes: '90' }])}>+ {t('services.addTurn')}</button>
    </fieldset>
  );
}
