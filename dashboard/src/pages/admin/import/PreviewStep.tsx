import { useTranslation } from 'react-i18next';
import type { AdminMenuImportResponse } from '../../../../../api/src/contract/index.ts';
import { ImportCounts } from './ImportCounts.tsx';
import type { MenuSource } from './SourceStep.tsx';

/** The dry run: what the import would create or update, or every problem with its line. Nothing is written yet. */
export function PreviewStep(props: {
  restaurantName: string; source: MenuSource; preview: AdminMenuImportResponse; busy: boolean; onBack: () => void; onApply: () => void;
}) {
  const { t } = useTranslation();
  const { problems, result } = props.preview;
  const what = props.source.kind === 'photo' ? t('admin.import.thePhoto') : props.source.name;
  return (
    <div className="card shadow-sm" data-testid="import-preview">
      <div className="card-body">
        <h2 className="h5">{t('admin.import.previewTitle', { what, restaurant: props.restaurantName })}</h2>
        {problems.length > 0 ? (
          <>
            <div className="alert alert-danger" role="alert">{t('admin.import.problemsIntro', { count: problems.length })}</div>
            <div className="table-responsive">
              <table className="table table-sm align-middle" data-testid="import-problems">
                <thead><tr><th>{t('admin.import.line')}</th><th>{t('admin.import.where')}</th><th>{t('admin.import.field')}</th><th>{t('admin.import.problem')}</th></tr></thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={i} data-line={p.line ?? ''}>
                      <td className="text-nowrap">{p.line ?? '—'}</td>
                      <td>{p.where ?? '—'}</td>
                      <td><code>{p.field ?? ''}</code></td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : result && (
          <>
            <p className="text-body-secondary">{t('admin.import.dryRunNote')}</p>
            <ImportCounts result={result} verb="would" />
            {result.changes.length === 0 ? (
              <div className="alert alert-secondary">{t('admin.import.nothingToDo')}</div>
            ) : (
              <div className="table-responsive" style={{ maxHeight: '45vh' }}>
                <table className="table table-sm align-middle mb-0" data-testid="import-changes">
                  <thead className="sticky-top bg-body"><tr><th>{t('admin.import.action')}</th><th>{t('admin.import.entity')}</th><th>{t('admin.name')}</th><th>{t('admin.import.changedFields')}</th></tr></thead>
                  <tbody>
                    {result.changes.map((c, i) => (
                      <tr key={i} data-action={c.action}>
                        <td><span className={`badge ${c.action === 'create' ? 'text-bg-success' : 'text-bg-primary'}`}>{t(`admin.import.actions.${c.action}`)}</span></td>
                        <td>{t(`admin.import.entity_${c.entity}`)}</td>
                        <td>{c.name}</td>
                        <td className="small text-body-secondary">{c.fields.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
        <div className="d-flex gap-2 mt-3">
          <button type="button" className="btn btn-outline-secondary" onClick={props.onBack}>{t('admin.import.back')}</button>
          <button type="button" className="btn btn-primary" disabled={problems.length > 0 || !result || result.changes.length === 0 || props.busy}
            onClick={props.onApply} data-testid="apply-import">
            {props.busy ? t('admin.import.applying') : t('admin.import.apply')}
          </button>
        </div>
      </div>
    </div>
  );
}
