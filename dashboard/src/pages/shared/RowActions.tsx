import { useTranslation } from 'react-i18next';

/** Edit and delete for one row; delete asks first, since the agent stops offering what is gone. */
export function RowActions(props: { name: string; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex gap-1 flex-shrink-0">
      <button type="button" className="btn btn-sm btn-outline-secondary" onClick={props.onEdit}>{t('crud.edit')}</button>
      <button type="button" className="btn btn-sm btn-outline-danger" aria-label={t('crud.deleteNamed', { name: props.name })}
        onClick={() => { if (window.confirm(t('crud.confirmDelete', { name: props.name }))) props.onDelete(); }}>
        {t('crud.delete')}
      </button>
    </div>
  );
}

/** Save and cancel at the foot of an editing form. */
export function FormButtons(props: { busy: boolean; onCancel: () => void; testId: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="d-flex gap-2 mt-3">
      <button type="submit" className="btn btn-primary" disabled={props.busy} data-testid={props.testId}>{props.label ?? t('crud.save')}</button>
      <button type="button" className="btn btn-outline-secondary" onClick={props.onCancel}>{t('app.cancel')}</button>
    </div>
  );
}
