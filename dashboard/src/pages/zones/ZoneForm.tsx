import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogZoneKind } from '../../../../api/src/contract/index.ts';
import type { CatalogGeoJsonPolygon, DeliveryZoneBody, DeliveryZoneDto } from '../../../../api/src/contract/index.ts';
import { zonesApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { centsToInput, parseEuros, parseEurosOrNull } from '../menu/money.ts';
import { Check, Field, NestedMessages, TextInput } from '../shared/Field.tsx';
import { invalid } from '../shared/FieldError.tsx';
import { FormButtons } from '../shared/RowActions.tsx';
import { intText, toInt, toIntOrNull } from '../shared/numbers.ts';
import { useApiForm } from '../shared/useApiForm.ts';

type Kind = DeliveryZoneDto['kind'];

/** A delivery zone by distance, by postcodes, or as a GeoJSON polygon pasted from a map tool. */
export function ZoneForm({ restaurantId, zone, onSaved, onCancel }: { restaurantId: string; zone: DeliveryZoneDto | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const z = zone;
  const form = useApiForm();
  const f = form.fields;
  const [kind, setKind] = useState<Kind>(z?.kind ?? 'postcodes');
  const [v, setV] = useState({
    name: z?.name ?? '', radiusM: intText(z?.radiusM ?? 3000), postcodes: z?.postcodes.join(', ') ?? '',
    polygon: z?.polygon ? JSON.stringify(z.polygon, null, 1) : '', fee: centsToInput(z?.feeCents ?? 0), minOrder: centsToInput(z?.minOrderCents ?? 0),
    freeAbove: z?.freeAboveCents == null ? '' : centsToInput(z.freeAboveCents), eta: intText(z?.etaMinutes ?? 30), priority: intText(z?.priority ?? 100),
  });
  const [active, setActive] = useState(z?.active ?? true);
  const set = (k: keyof typeof v) => (value: string) => setV((x) => ({ ...x, [k]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let polygon: CatalogGeoJsonPolygon | null = null;
    if (kind === 'polygon' && v.polygon.trim()) {
      try {
        // The API checks the shape; only text that is not JSON at all is caught here.
        polygon = JSON.parse(v.polygon) as CatalogGeoJsonPolygon;
      } catch {
        form.fail('polygon', t('zones.badJson'));
        return;
      }
    }
    const body: DeliveryZoneBody = {
      name: v.name, kind, active, feeCents: parseEuros(v.fee || '0'), minOrderCents: parseEuros(v.minOrder || '0'),
      freeAboveCents: parseEurosOrNull(v.freeAbove), etaMinutes: toInt(v.eta), priority: toInt(v.priority),
      radiusM: kind === 'radius' ? toIntOrNull(v.radiusM) : null,
      postcodes: kind === 'postcodes' ? v.postcodes.split(/[\s,;]+/).filter(Boolean) : [],
      polygon,
    };
    if (await form.run(() => (z ? zonesApi.update(restaurantId, z.id, body) : zonesApi.create(restaurantId, body)))) onSaved();
  };

  return (
    <form className="card shadow-sm mb-3" onSubmit={(e) => void submit(e)} noValidate data-testid="zone-form">
      <div className="card-body">
        <h2 className="h5">{z ? t('crud.editing', { name: z.name }) : t('zones.new')}</h2>
        {form.general !== null && <ErrorAlert error={form.general} />}
        <div className="row g-2">
          <Field id="zone-name" label={t('crud.name')} path="name" fields={f} className="col-md-5">
            <TextInput id="zone-name" value={v.name} onChange={set('name')} fields={f} path="name" />
          </Field>
          <fieldset className="col-md-5">
            <legend className="form-label fs-6 mb-1">{t('zones.kindLabel')}</legend>
            <div className="btn-group" role="group">
              {CatalogZoneKind.options.map((k) => (
                <span key={k}>
                  <input type="radio" className="btn-check" name="zone-kind" id={`zone-kind-${k}`} checked={kind === k} onChange={() => setKind(k)} />
                  <label className="btn btn-sm btn-outline-primary" htmlFor={`zone-kind-${k}`}>{t(`zones.kind.${k}`)}</label>
                </span>
              ))}
            </div>
          </fieldset>
          <div className="col-md-2 d-flex align-items-end"><Check id="zone-active" label={t('crud.active')} checked={active} onChange={setActive} className="mb-2" /></div>
          {kind === 'radius' && (
            <Field id="zone-radius" label={t('zones.radius')} path="radiusM" fields={f} className="col-md-4">
              <TextInput id="zone-radius" type="number" value={v.radiusM} onChange={set('radiusM')} fields={f} path="radiusM" />
            </Field>
          )}
          {kind === 'postcodes' && (
            <div className="col-12">
              <label className="form-label" htmlFor="zone-postcodes">{t('zones.postcodes')}</label>
              <input id="zone-postcodes" className={`form-control${invalid(f, 'postcodes') || (f.some((x) => x.path.startsWith('postcodes.')) ? ' is-invalid' : '')}`}
                placeholder="13001, 13002, 13006" value={v.postcodes} onChange={(e) => set('postcodes')(e.target.value)} />
              <NestedMessages fields={f} path="postcodes" />
            </div>
          )}
          {kind === 'polygon' && (
            <div className="col-12">
              <label className="form-label" htmlFor="zone-polygon">{t('zones.polygon')}</label>
              <textarea id="zone-polygon" rows={6} spellCheck={false} className={`form-control font-monospace small${f.some((x) => x.path.startsWith('polygon')) ? ' is-invalid' : ''}`}
                placeholder={'{"type": "Polygon", "coordinates": [[[5.37, 43.29], [5.39, 43.29], [5.39, 43.31], [5.37, 43.29]]]}'}
                value={v.polygon} onChange={(e) => set('polygon')(e.target.value)} />
              <div className="form-text">{t('zones.polygonHint')}</div>
              <NestedMessages fields={f} path="polygon" />
            </div>
          )}
          {([['fee', 'feeCents', 'decimal'], ['minOrder', 'minOrderCents', 'decimal'], ['freeAbove', 'freeAboveCents', 'decimal'], ['eta', 'etaMinutes', 'numeric'], ['priority', 'priority', 'numeric']] as const).map(([k, path, mode]) => (
            <Field key={k} id={`zone-${k}`} label={t(`zones.${k}`)} path={path} fields={f} className="col-6 col-md">
              <TextInput id={`zone-${k}`} inputMode={mode} value={v[k]} onChange={set(k)} fields={f} path={path} placeholder={k === 'freeAbove' ? t('zones.never') : undefined} />
            </Field>
          ))}
        </div>
        <FormButtons busy={form.busy} onCancel={onCancel} testId="save-zone" />
      </div>
    </form>
  );
}
