import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClosureBody } from '../../../../api/src/contract/index.ts';
import { closuresApi } from '../../api/catalog.ts';
import { formatLongDate, todayIn } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Check, Field, TextInput } from '../shared/Field.tsx';
import { FormButtons } from '../shared/RowActions.tsx';
import { useApiForm } from '../shared/useApiForm.ts';
import { useLoad } from '../shared/useLoad.ts';

/** Exceptional closures (holidays) and openings, from today on; the agent tells callers about them. */
export function ClosuresCard({ restaurantId, timeZone }: { restaurantId: string; timeZone: string }) {
  const { t } = useTranslation();
  const today = todayIn(timeZone);
  const { data, error, reload } = useLoad(() => closuresApi.list(restaurantId, { from: today }), [restaurantId, today]);
  const [adding, setAdding] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const remove = (id: string) => closuresApi.remove(restaurantId, id).then(reload, setActionError);
  const items = [...(data?.items ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate));

  return (
    <div data-testid="closures">
      {(error ?? actionError) !== null && <ErrorAlert error={error ?? actionError} />}
      {adding ? (
        <ClosureForm restaurantId={restaurantId} today={today} onCancel={() => setAdding(false)} onSaved={() => { setAdding(false); reload(); }} />
      ) : (
        <button type="button" className="btn btn-sm btn-outline-primary mb-2" data-testid="new-closure" onClick={() => setAdding(true)}>+ {t('closures.new')}</button>
      )}
      {data && items.length === 0 && <p className="text-body-secondary small mb-0">{t('closures.empty')}</p>}
      <ul className="list-group list-group-flush">
        {items.map((c) => (
          <li key={c.id} className="list-group-item px-0 d-flex gap-2 align-items-start" data-testid="closure-row">
            <div className="me-auto">
              <span className={`badge me-2 text-bg-${c.isOpening ? 'success' : 'danger'}`}>{t(c.isOpening ? 'closures.opening' : 'closures.closure')}</span>
              {c.startDate === c.endDate ? formatLongDate(c.startDate) : t('offers.between', { from: formatLongDate(c.startDate), to: formatLongDate(c.endDate) })}
              {c.opensAt && <span className="ms-1">({c.opensAt}–{c.closesAt})</span>}
              {c.reason && <div className="small text-body-secondary">{c.reason}</div>}
            </div>
            <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => { if (window.confirm(t('closures.confirmDelete'))) void remove(c.id); }}>
              {t('crud.delete')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ClosureForm({ restaurantId, today, onSaved, onCancel }: { restaurantId: string; today: string; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm();
  const f = form.fields;
  const [v, setV] = useState({ startDate: today, endDate: today, reason: '', opensAt: '', closesAt: '' });
  const [isOpening, setIsOpening] = useState(false);
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: ClosureBody = {
      startDate: v.startDate, endDate: v.endDate, reason: v.reason || null, isOpening,
      opensAt: isOpening ? v.opensAt || null : null, closesAt: isOpening ? v.closesAt || null : null,
    };
    if (await form.run(() => closuresApi.create(restaurantId, body))) onSaved();
  };
  const input = (k: keyof typeof v, type: string, className: string) => (
    <Field id={`closure-${k}`} label={t(`closures.${k}`)} path={k} fields={f} className={className}>
      <TextInput id={`closure-${k}`} type={type} value={v[k]} onChange={set(k)} fields={f} path={k} />
    </Field>
  );
  return (
    <form className="border rounded p-3 mb-2 bg-body-tertiary" onSubmit={(e) => void submit(e)} noValidate data-testid="closure-form">
      {form.general !== null && <ErrorAlert error={form.general} />}
      <div className="row g-2">
        {input('startDate', 'date', 'col-6')}
        {input('endDate', 'date', 'col-6')}
        {input('reason', 'text', 'col-12')}
        <div className="col-12"><Check id="closure-opening" label={t('closures.isOpening')} checked={isOpening} onChange={setIsOpening} /></div>
        {isOpening && input('opensAt', 'time', 'col-6')}
        {isOpening && input('closesAt', 'time', 'col-6')}
      </div>
      <FormButtons busy={form.busy} onCancel={onCancel} testId="save-closure" />
    </form>
  );
}
