import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionGroupDto } from '../../../../api/src/contract/index.ts';
import { ApiError, type FieldError } from '../../api/client.ts';
import { menuApi } from '../../api/resources.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { FieldMessage, invalid } from '../shared/FieldError.tsx';
import { parseEuros } from './money.ts';

interface OptionRow { name: string; price: string }

/** A new option group ("Taille", "Suppléments") with its options, created on its own then ticked on the item. */
export function OptionGroupForm(props: { restaurantId: string; onCreated: (g: OptionGroupDto) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [required, setRequired] = useState(false);
  const [maxSelect, setMaxSelect] = useState(1);
  const [options, setOptions] = useState<OptionRow[]>([{ name: '', price: '0' }]);
  const [error, setError] = useState<unknown>(null);
  const [fields, setFields] = useState<FieldError[]>([]);

  const setOption = (i: number, patch: Partial<OptionRow>) => setOptions((os) => os.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const save = async () => {
    setError(null);
    setFields([]);
    try {
      props.onCreated(await menuApi.createGroup(props.restaurantId, {
        name, required, maxSelect, options: options.map((o) => ({ name: o.name, priceDeltaCents: parseEuros(o.price) })),
      }));
    } catch (e) {
      setError(e);
      if (e instanceof ApiError) setFields(e.fields);
    }
  };

  return (
    <div className="border rounded p-3 bg-body-tertiary" data-testid="option-group-form">
      <h3 className="h6">{t('menu.newGroup')}</h3>
      {error !== null && fields.length === 0 && <ErrorAlert error={error} />}
      <div className="row g-2 align-items-end">
        <div className="col-sm-6">
          <label className="form-label" htmlFor="group-name">{t('menu.groupName')}</label>
          <input id="group-name" className={`form-control${invalid(fields, 'name')}`} value={name} onChange={(e) => setName(e.target.value)} />
          <FieldMessage fields={fields} path="name" />
        </div>
        <div className="col-6 col-sm-3">
          <label className="form-label" htmlFor="group-max">{t('menu.maxSelect')}</label>
          <input id="group-max" type="number" min={1} className={`form-control${invalid(fields, 'maxSelect')}`} value={maxSelect} onChange={(e) => setMaxSelect(Number(e.target.value))} />
          <FieldMessage fields={fields} path="maxSelect" />
        </div>
        <div className="col-6 col-sm-3 form-check mb-2">
          <input id="group-required" type="checkbox" className="form-check-input" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          <label className="form-check-label" htmlFor="group-required">{t('menu.required')}</label>
        </div>
      </div>
      <FieldMessage fields={fields} path="minSelect" />
      <div className="mt-2">
        {options.map((o, i) => (
          <div key={i} className="row g-2 mb-1">
            <div className="col-7">
              <input className={`form-control form-control-sm${invalid(fields, `options.${i}.name`)}`} placeholder={t('menu.optionName')}
                aria-label={t('menu.optionName')} data-testid={`option-name-${i}`} value={o.name} onChange={(e) => setOption(i, { name: e.target.value })} />
              <FieldMessage fields={fields} path={`options.${i}.name`} />
            </div>
            <div className="col-4">
              <input className={`form-control form-control-sm${invalid(fields, `options.${i}.priceDeltaCents`)}`} aria-label={t('menu.optionPrice')}
                data-testid={`option-price-${i}`} value={o.price} onChange={(e) => setOption(i, { price: e.target.value })} />
              <FieldMessage fields={fields} path={`options.${i}.priceDeltaCents`} />
            </div>
            <div className="col-1">
              <button type="button" className="btn btn-sm btn-outline-secondary" aria-label={t('menu.removeOption')} onClick={() => setOptions((os) => os.filter((_, j) => j !== i))}>×</button>
            </div>
          </div>
        ))}
        <button type="button" className="btn btn-sm btn-link px-0" data-testid="add-option" onClick={() => setOptions((os) => [...os, { name: '', price: '0' }])}>+ {t('menu.addOption')}</button>
      </div>
      <div className="d-flex gap-2 mt-2">
        <button type="button" className="btn btn-sm btn-primary" data-testid="save-group" onClick={() => void save()}>{t('menu.saveGroup')}</button>
        <button type="button" className="btn btn-sm btn-outline-secondary" onClick={props.onCancel}>{t('app.cancel')}</button>
      </div>
    </div>
  );
}
