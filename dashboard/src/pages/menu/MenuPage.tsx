import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuItemDto } from '../../../../api/src/contract/index.ts';
import { menuApi } from '../../api/resources.ts';
import { formatMoney } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { ItemForm } from './ItemForm.tsx';

/** The menu by category; an item opens in the form above the list. */
export function MenuPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const [editing, setEditing] = useState<MenuItemDto | 'new' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error, reload } = useLoad(async () => {
    const [categories, items, groups] = await Promise.all([menuApi.categories(rid), menuApi.items(rid), menuApi.groups(rid)]);
    return { categories: categories.items, items: items.items, groups: groups.items };
  }, [rid]);

  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  const setAvailable = (item: MenuItemDto, available: boolean) =>
    menuApi.setAvailable(rid, item.id, available).then(reload, setActionError);

  return (
    <>
      <PageHeader title={t('nav.menu')}>
        {editing === null && <button type="button" className="btn btn-primary" data-testid="new-item" onClick={() => setEditing('new')}>{t('menu.newItem')}</button>}
      </PageHeader>
      {actionError !== null && <ErrorAlert error={actionError} />}
      {editing !== null && (
        <ItemForm key={editing === 'new' ? 'new' : editing.id} restaurantId={rid} item={editing === 'new' ? null : editing}
          categories={data.categories} groups={data.groups} onCancel={() => setEditing(null)} onGroupCreated={reload}
          onSaved={() => { setEditing(null); reload(); }} />
      )}
      {data.categories.map((c) => {
        const items = data.items.filter((i) => i.categoryId === c.id);
        return (
          <section key={c.id} className="card shadow-sm mb-3" data-testid="menu-category">
            <div className="card-body">
              <h2 className="h5">{c.name} <span className="text-body-secondary small">({items.length})</span></h2>
              <ul className="list-group list-group-flush">
                {items.map((i) => (
                  <li key={i.id} className="list-group-item px-0 d-flex flex-wrap align-items-center gap-2" data-testid="menu-item">
                    <div className="me-auto">
                      <span className={i.available ? '' : 'text-decoration-line-through text-body-secondary'}>{i.name}</span>
                      {i.optionGroupIds.length > 0 && (
                        <span className="small text-body-secondary ms-2">
                          {i.optionGroupIds.map((g) => data.groups.find((x) => x.id === g)?.name).filter(Boolean).join(', ')}
                        </span>
                      )}
                      <div className="d-flex flex-wrap gap-1">
                        {i.allergens.map((a) => <span key={a} className="badge text-bg-light border">{t(`allergen.${a}`)}</span>)}
                      </div>
                    </div>
                    <span className="text-nowrap">{formatMoney(i.priceCents, settings.currency)}</span>
                    <div className="form-check form-switch mb-0">
                      <input className="form-check-input" type="checkbox" role="switch" id={`avail-${i.id}`} checked={i.available} onChange={(e) => void setAvailable(i, e.target.checked)} />
                      <label className="form-check-label small" htmlFor={`avail-${i.id}`}>{t('menu.available')}</label>
                    </div>
                    <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => setEditing(i)}>{t('menu.edit')}</button>
                  </li>
                ))}
              </ul>
            </div>
          </section>
        );
      })}
    </>
  );
}
