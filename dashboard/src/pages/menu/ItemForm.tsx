import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOG_ALLERGENS } from '../../../../api/src/contract/index.ts';
import type { MenuCategoryDto, MenuItemDto, OptionGroupDto } from '../../../../api/src/contract/index.ts';
import { ApiError, type FieldError } from '../../api/client.ts';
import { menuApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { FieldMessage, invalid } from '../shared/FieldError.tsx';
import { centsToInput, parseEuros } from './money.ts';
import { OptionGroupForm } from './OptionGroupForm.tsx';

type Allergen = (typeof CATALOG_ALLERGENS)[number];

/** Creates or edits one item; the API validates and its messages land next to each field. */
export function ItemForm(props: {
  restaurantId: string; item: MenuItemDto | null; categories: MenuCategoryDto[]; groups: OptionGroupDto[];
  onSaved: (item: MenuItemDto) => void; onGroupCreated: (g: OptionGroupDto) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const it = props.item;
  const [categoryId, setCategoryId] = useState(it?.categoryId ?? props.categories[0]?.id ?? '');
  const [name, setName] = useState(it?.name ?? '');
  const [description, setDescription] = useState(it?.description ?? '');
  const [price, setPrice] = useState(it ? centsToInput(it.priceCents) : '');
  const [allergens, setAllergens] = useState<Allergen[]>(it?.allergens ?? []);
  const [groupIds, setGroupIds] = useState<string[]>(it?.optionGroupIds ?? []);
  const [newGroup, setNewGroup] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<FieldError[]>([]);

  const toggle = <T,>(list: T[], x: T) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setFields([]);
    const body = { categoryId, name, description: description || null, priceCents: parseEuros(price), allergens, optionGroupIds: groupIds };
    try {
      props.onSaved(it ? await menuApi.updateItem(props.restaurantId, it.id, body) : await menuApi.createItem(props.restaurantId, body));
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setFields(err.fields);
    }
  };

  return (
    <form className="card shadow-sm mb-3" onSubmit={(e) => void submit(e)} noValidate data-testid="item-form">
      <div className="card-body">
        <h2 className="h5">{it ? t('menu.editItem', { name: it.name }) : t('menu.newItem')}</h2>
        {error !== null && fields.length === 0 && <ErrorAlert error={error} />}
        <div className="row g-2">
          <div className="col-md-5">
            <label className="form-label" htmlFor="item-name">{t('menu.name')}</label>
            <input id="item-name" className={`form-control${invalid(fields, 'name')}`} value={name} onChange={(e) => setName(e.target.value)} />
            <FieldMessage fields={fields} path="name" />
          </div>
          <div className="col-md-4">
            <label className="form-label" htmlFor="item-category">{t('menu.category')}</label>
            <select id="item-category" className={`form-select${invalid(fields, 'categoryId')}`} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
              {props.categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
            <FieldMessage fields={fields} path="categoryId" />
          </div>
          <div className="col-md-3">
            <label className="form-label" htmlFor="item-price">{t('menu.price')}</label>
            <div className="input-group has-validation">
              <input id="item-price" inputMode="decimal" className={`form-control${invalid(fields, 'priceCents')}`} value={price} onChange={(e) => setPrice(e.target.value)} />
              <span className="input-group-text">€</span>
              <FieldMessage fields={fields} path="priceCents" />
            </div>
          </div>
          <div className="col-12">
            <label className="form-label" htmlFor="item-description">{t('menu.description')}</label>
            <textarea id="item-description" rows={2} className={`form-control${invalid(fields, 'description')}`} value={description} onChange={(e) => setDescription(e.target.value)} />
            <FieldMessage fields={fields} path="description" />
          </div>
        </div>
        <fieldset className="mt-3">
          <legend className="fs-6 fw-semibold">{t('menu.allergens')}</legend>
          <div className="d-flex flex-wrap gap-3">
            {CATALOG_ALLERGENS.map((a) => (
              <div key={a} className="form-check">
                <input id={`allergen-${a}`} type="checkbox" className="form-check-input" checked={allergens.includes(a)} onChange={() => setAllergens(toggle(allergens, a))} />
                <label className="form-check-label" htmlFor={`allergen-${a}`}>{t(`allergen.${a}`)}</label>
              </div>
            ))}
          </div>
          <FieldMessage fields={fields} path="allergens" />
        </fieldset>
        <fieldset className="mt-3">
          <legend className="fs-6 fw-semibold">{t('menu.optionGroups')}</legend>
          <div className="d-flex flex-wrap gap-3 mb-2">
            {props.groups.map((g) => (
              <div key={g.id} className="form-check">
                <input id={`group-${g.id}`} type="checkbox" className="form-check-input" checked={groupIds.includes(g.id)} onChange={() => setGroupIds(toggle(groupIds, g.id))} />
                <label className="form-check-label" htmlFor={`group-${g.id}`}>{g.name} <span className="text-body-secondary small">({g.options.length})</span></label>
              </div>
            ))}
          </div>
          {newGroup ? (
            <OptionGroupForm restaurantId={props.restaurantId} onCancel={() => setNewGroup(false)}
              onCreated={(g) => { props.onGroupCreated(g); setGroupIds((ids) => [...ids, g.id]); setNewGroup(false); }} />
          ) : (
            <button type="button" className="btn btn-sm btn-outline-primary" data-testid="open-group-form" onClick={() => setNewGroup(true)}>+ {t('menu.newGroup')}</button>
          )}
        </fieldset>
        <div className="d-flex gap-2 mt-3">
          <button type="submit" className="btn btn-primary" data-testid="save-item">{t('menu.save')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={props.onCancel}>{t('app.cancel')}</button>
        </div>
      </div>
    </form>
  );
}
