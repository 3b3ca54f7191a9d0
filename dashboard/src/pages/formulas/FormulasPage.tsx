import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormulaDto } from '../../../../api/src/contract/index.ts';
import { formulasApi, servicesApi } from '../../api/catalog.ts';
import { menuApi } from '../../api/resources.ts';
import { formatMoney } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useWeekdayList } from '../shared/WeekdayPicker.tsx';
import { FormulaForm } from './FormulaForm.tsx';

/** Formules: a fixed price for a sequence of courses picked from the menu. */
export function FormulasPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const weekdayList = useWeekdayList();
  const [editing, setEditing] = useState<FormulaDto | 'new' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error, reload } = useLoad(async () => {
    const [formulas, items, categories, services] = await Promise.all([
      formulasApi.list(rid), menuApi.items(rid), menuApi.categories(rid), servicesApi.list(rid),
    ]);
    return { formulas: formulas.items, items: items.items, categories: categories.items, services: services.items };
  }, [rid]);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;

  const itemName = (id: string) => data.items.find((i) => i.id === id)?.name ?? '?';
  const money = (c: number) => formatMoney(c, settings.currency);
  const remove = (f: FormulaDto) => formulasApi.remove(rid, f.id).then(reload, setActionError);

  return (
    <>
      <PageHeader title={t('nav.setMenus')}>
        {editing === null && <button type="button" className="btn btn-primary" data-testid="new-formula" onClick={() => setEditing('new')}>{t('formulas.new')}</button>}
      </PageHeader>
      {actionError !== null && <ErrorAlert error={actionError} />}
      {editing !== null && (
        <FormulaForm key={editing === 'new' ? 'new' : editing.id} restaurantId={rid} formula={editing === 'new' ? null : editing}
          items={data.items} categories={data.categories} services={data.services}
          onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
      )}
      {data.formulas.length === 0 && <p className="text-body-secondary">{t('formulas.empty')}</p>}
      <div className="row row-cols-1 row-cols-lg-2 g-3">
        {data.formulas.map((f) => (
          <div className="col" key={f.id}>
            <article className="card shadow-sm h-100" data-testid="formula-card">
              <div className="card-body">
                <div className="d-flex gap-2 align-items-start">
                  <div className="me-auto">
                    <h2 className="h5 mb-0">{f.name} <span className="text-nowrap fw-normal">· {money(f.priceCents)}</span></h2>
                    <div className="small text-body-secondary">
                      {weekdayList(f.weekdays)}
                      {f.serviceIds.length > 0 && ` · ${f.serviceIds.map((id) => data.services.find((s) => s.id === id)?.name).filter(Boolean).join(', ')}`}
                      {!f.available && <span className="badge text-bg-secondary ms-2">{t('crud.unavailable')}</span>}
                    </div>
                  </div>
                  <RowActions name={f.name} onEdit={() => setEditing(f)} onDelete={() => void remove(f)} />
                </div>
                {f.description && <p className="small mb-1 mt-1">{f.description}</p>}
                <ol className="mb-0 mt-2 ps-3 small">
                  {f.steps.map((s) => (
                    <li key={s.id} className="mb-1">
                      <strong>{s.name}</strong>{' '}
                      <span className="text-body-secondary">({s.minChoices === s.maxChoices
                        ? t('formulas.pickExact', { n: s.maxChoices, count: s.choices.length })
                        : t('formulas.pick', { min: s.minChoices, max: s.maxChoices, count: s.choices.length })})</span>
                      <div>
                        {s.choices.map((c) => `${itemName(c.itemId)}${c.supplementCents > 0 ? ` (+${money(c.supplementCents)})` : ''}`).join(', ')}
                      </div>
                    </li>
                  ))}
                </ol>
              </div>
            </article>
          </div>
        ))}
      </div>
    </>
  );
}
