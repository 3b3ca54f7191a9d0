import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminRestaurant } from '../../../../../api/src/contract/index.ts';
import { MENU_PHOTO_TYPES } from '../../../../../api/src/contract/index.ts';
import { adminImportApi } from '../../../api/admin.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { formatOf, photoMenuText, photoSummary } from './menuSource.ts';

/** What the dry run and the import are sent: the file's text, or the photo's menu as JSON. */
export interface MenuSource { kind: 'file' | 'photo'; format: 'csv' | 'json'; text: string; name: string }

const CSV_HEADER = 'category,name,price,description,allergens,dietary_tags,option_groups';

export function SourceStep(props: {
  restaurants: AdminRestaurant[]; restaurantId: string; onRestaurant: (id: string) => void;
  photoAvailable: boolean; initial: MenuSource | null; busy: boolean; onCheck: (s: MenuSource) => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'file' | 'photo'>(props.initial?.kind ?? 'file');
  const [file, setFile] = useState<MenuSource | null>(props.initial?.kind === 'file' ? props.initial : null);
  const [photoText, setPhotoText] = useState(props.initial?.kind === 'photo' ? props.initial.text : '');
  const [photoInfo, setPhotoInfo] = useState<{ categories: number; items: number; unpriced: number; model: string } | null>(null);
  const [reading, setReading] = useState(false);
  const [photoError, setPhotoError] = useState<unknown>(null);

  const pickFile = async (f: File | undefined) => {
    if (!f) { setFile(null); return; }
    const text = await f.text();
    setFile({ kind: 'file', format: formatOf(f.name, text), text, name: f.name });
  };
  const readPhoto = async (f: File | undefined) => {
    if (!f || !props.restaurantId) return;
    setReading(true);
    setPhotoError(null);
    try {
      const r = await adminImportApi.readPhoto(props.restaurantId, f);
      setPhotoText(photoMenuText(r.menu));
      setPhotoInfo({ ...photoSummary(r.menu), model: r.model });
    } catch (e) {
      setPhotoError(e);
    } finally {
      setReading(false);
    }
  };
  const source: MenuSource | null = kind === 'file' ? file : photoText.trim() ? { kind: 'photo', format: 'json', text: photoText, name: 'photo' } : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (source && props.restaurantId) props.onCheck(source);
  };

  return (
    <form className="card shadow-sm" onSubmit={submit} noValidate data-testid="import-source">
      <div className="card-body">
        <div className="row g-3">
          <div className="col-md-6 col-xl-4">
            <label className="form-label" htmlFor="import-restaurant">{t('admin.import.restaurant')}</label>
            <select id="import-restaurant" className="form-select" value={props.restaurantId} onChange={(e) => props.onRestaurant(e.target.value)}>
              <option value="">{t('admin.import.chooseRestaurant')}</option>
              {props.restaurants.map((r) => <option key={r.id} value={r.id}>{r.name} ({r.city})</option>)}
            </select>
          </div>
          <fieldset className="col-12">
            <legend className="form-label fs-6 mb-1">{t('admin.import.source')}</legend>
            <div className="d-flex flex-wrap gap-4">
              <div className="form-check">
                <input id="import-kind-file" type="radio" name="import-kind" className="form-check-input" checked={kind === 'file'} onChange={() => setKind('file')} />
                <label className="form-check-label" htmlFor="import-kind-file">{t('admin.import.fromFile')}</label>
              </div>
              <div className="form-check">
                <input id="import-kind-photo" type="radio" name="import-kind" className="form-check-input" checked={kind === 'photo'} disabled={!props.photoAvailable} onChange={() => setKind('photo')} />
                <label className="form-check-label" htmlFor="import-kind-photo">{t('admin.import.fromPhoto')}</label>
              </div>
            </div>
            {!props.photoAvailable && <div className="form-text text-body-secondary" data-testid="photo-unavailable">{t('admin.import.photoUnavailable')}</div>}
          </fieldset>

          {kind === 'file' && (
            <div className="col-12">
              <label className="form-label" htmlFor="import-file">{t('admin.import.file')}</label>
              <input id="import-file" type="file" className="form-control" accept=".csv,.json,text/csv,application/json" onChange={(e) => void pickFile(e.target.files?.[0])} />
              {file && <div className="form-text">{t('admin.import.fileRead', { name: file.name, format: file.format.toUpperCase() })}</div>}
              <details className="mt-2 small">
                <summary>{t('admin.import.formatHelp')}</summary>
                <p className="mb-1 mt-2">{t('admin.import.csvHelp')}</p>
                <pre className="bg-body-tertiary p-2 rounded mb-1"><code>{CSV_HEADER}{'\n'}Pizzas,Margherita,"11,50","Tomate, mozzarella",gluten|milk,vegetarian,Taille</code></pre>
                <p className="mb-0">{t('admin.import.jsonHelp')}</p>
              </details>
            </div>
          )}

          {kind === 'photo' && (
            <div className="col-12">
              <label className="form-label" htmlFor="import-photo">{t('admin.import.photo')}</label>
              <input id="import-photo" type="file" className="form-control" accept={MENU_PHOTO_TYPES.join(',')} disabled={!props.restaurantId || reading}
                onChange={(e) => void readPhoto(e.target.files?.[0])} />
              <div className="form-text">{props.restaurantId ? t('admin.import.photoHelp') : t('admin.import.chooseRestaurantFirst')}</div>
              {reading && <div className="d-flex align-items-center gap-2 mt-2"><span className="spinner-border spinner-border-sm" />{t('admin.import.reading')}</div>}
              {photoError !== null && <div className="mt-2"><ErrorAlert error={photoError} /></div>}
              {photoInfo && (
                <div className="alert alert-info mt-2 mb-2" data-testid="photo-summary">
                  {t('admin.import.photoRead', { count: photoInfo.items, categories: t('admin.import.categoriesCount', { count: photoInfo.categories }), model: photoInfo.model })}
                  {photoInfo.unpriced > 0 && <> {t('admin.import.photoUnpriced', { count: photoInfo.unpriced })}</>}
                </div>
              )}
              {photoText && (
                <>
                  <label className="form-label" htmlFor="import-photo-json">{t('admin.import.photoJson')}</label>
                  <textarea id="import-photo-json" className="form-control font-monospace small" rows={12} value={photoText} onChange={(e) => setPhotoText(e.target.value)} />
                </>
              )}
            </div>
          )}
        </div>
        <div className="d-flex align-items-center gap-2 mt-3">
          <button type="submit" className="btn btn-primary" disabled={!source || !props.restaurantId || props.busy} data-testid="check-import">
            {props.busy ? t('admin.import.checking') : t('admin.import.check')}
          </button>
          {!props.restaurantId && <span className="small text-body-secondary">{t('admin.import.chooseRestaurantFirst')}</span>}
        </div>
      </div>
    </form>
  );
}
