import { useTranslation } from 'react-i18next';
import type { MenuImportResult } from '../../../../../api/src/contract/index.ts';
import { restaurantPath } from '../../../router.ts';
import { ImportCounts } from './ImportCounts.tsx';

/** What the import did, and the way to the restaurant's menu. */
export function ResultStep(props: { restaurantId: string; restaurantName: string; result: MenuImportResult; onAgain: () => void }) {
  const { t } = useTranslation();
  // A restaurant created in this session is not yet in the signed-in user's list: reload to fetch it.
  const openMenu = () => {
    window.location.hash = restaurantPath(props.restaurantId, 'menu');
    window.location.reload();
  };
  return (
    <div className="card shadow-sm" data-testid="import-result">
      <div className="card-body">
        <div className="alert alert-success" role="status">{t('admin.import.done', { restaurant: props.restaurantName })}</div>
        <ImportCounts result={props.result} verb="did" />
        <div className="d-flex gap-2">
          <button type="button" className="btn btn-primary" onClick={openMenu} data-testid="open-menu">{t('admin.import.openMenu')}</button>
          <button type="button" className="btn btn-outline-secondary" onClick={props.onAgain}>{t('admin.import.again')}</button>
        </div>
      </div>
    </div>
  );
}
