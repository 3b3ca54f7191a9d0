import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminMenuImportResponse, MenuImportResult } from '../../../../../api/src/contract/index.ts';
import { adminImportApi } from '../../../api/admin.ts';
import { adminApi } from '../../../api/resources.ts';
import { ErrorAlert } from '../../../layout/ErrorAlert.tsx';
import { Spinner } from '../../../layout/Spinner.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { PreviewStep } from './PreviewStep.tsx';
import { ResultStep } from './ResultStep.tsx';
import { SourceStep, type MenuSource } from './SourceStep.tsx';

const STEPS = ['source', 'preview', 'result'] as const;
type Step = (typeof STEPS)[number];

/**
 * Three steps: a restaurant and a menu (a CSV or JSON file, or a photo read by
 * OpenAI); a dry run that says what would be created or updated, or what is
 * wrong on which line; then the import itself and what it did.
 */
export function ImportWizard({ initialRestaurantId }: { initialRestaurantId: string | null }) {
  const { t } = useTranslation();
  const restaurants = useLoad(() => adminApi.restaurants(), []);
  const options = useLoad(() => adminImportApi.options(), []);
  const [step, setStep] = useState<Step>('source');
  const [restaurantId, setRestaurantId] = useState(initialRestaurantId ?? '');
  const [source, setSource] = useState<MenuSource | null>(null);
  const [preview, setPreview] = useState<AdminMenuImportResponse | null>(null);
  const [result, setResult] = useState<MenuImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = async (s: MenuSource, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      return await adminImportApi.importFile(restaurantId, { format: s.format, text: s.text, dryRun });
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const check = async (s: MenuSource) => {
    setSource(s);
    const r = await send(s, true);
    if (r) { setPreview(r); setStep('preview'); }
  };
  const apply = async () => {
    if (!source) return;
    const r = await send(source, false);
    if (r?.result) { setResult(r.result); setStep('result'); }
    // The menu changed since the preview (someone edited it): show the new problems.
    else if (r) setPreview(r);
  };
  const restart = () => { setStep('source'); setPreview(null); setResult(null); setError(null); };

  if (!restaurants.data || !options.data) {
    const e = restaurants.error ?? options.error;
    return e ? <ErrorAlert error={e} /> : <Spinner />;
  }
  const restaurant = restaurants.data.items.find((r) => r.id === restaurantId);
  return (
    <>
      <PageHeader title={t('admin.import.title')} />
      <ol className="list-unstyled d-flex flex-wrap gap-2 mb-3" data-testid="import-steps">
        {STEPS.map((s, i) => (
          <li key={s} className={`badge rounded-pill fs-6 fw-normal ${s === step ? 'text-bg-primary' : 'text-bg-light border'}`} aria-current={s === step ? 'step' : undefined}>
            {i + 1}. {t(`admin.import.steps.${s}`)}
          </li>
        ))}
      </ol>
      {error !== null && <ErrorAlert error={error} />}
      {step === 'source' && (
        <SourceStep restaurants={restaurants.data.items} restaurantId={restaurantId} onRestaurant={setRestaurantId}
          photoAvailable={options.data.photo.available} initial={source} busy={busy} onCheck={(s) => void check(s)} />
      )}
      {step === 'preview' && preview && source && (
        <PreviewStep restaurantName={restaurant?.name ?? ''} source={source} preview={preview} busy={busy}
          onBack={() => setStep('source')} onApply={() => void apply()} />
      )}
      {step === 'result' && result && (
        <ResultStep restaurantId={restaurantId} restaurantName={restaurant?.name ?? ''} result={result} onAgain={restart} />
      )}
    </>
  );
}
