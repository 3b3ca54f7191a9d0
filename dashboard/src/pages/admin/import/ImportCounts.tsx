import { useTranslation } from 'react-i18next';
import type { MenuImportResult } from '../../../../../api/src/contract/index.ts';

const ENTITIES = ['categories', 'optionGroups', 'items'] as const;

/** Created / updated / unchanged per kind of entry, as three small cards. */
export function ImportCounts({ result, verb }: { result: MenuImportResult; verb: 'would' | 'did' }) {
  const { t } = useTranslation();
  return (
    <div className="row g-2 mb-3" data-testid="import-counts">
      {ENTITIES.map((e) => (
        <div className="col-sm-4" key={e}>
          <div className="border rounded p-2 h-100 bg-body">
            <div className="fw-semibold">{t(`admin.import.entities.${e}`)}</div>
            <div className="small" data-testid={`count-${e}`}>
              <span className="text-success">{t(`admin.import.${verb}.created`, { count: result[e].created })}</span>
              {' · '}<span className="text-primary">{t(`admin.import.${verb}.updated`, { count: result[e].updated })}</span>
              {' · '}<span className="text-body-secondary">{t('admin.import.unchanged', { count: result[e].unchanged })}</span>
            </div>
          </div>
        </div>
      ))}
    </div>
  );
}
