import { useTranslation } from 'react-i18next';
import { knowledgeApi } from '../../api/resources.ts';
import { formatDateTime } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useLiveReload } from '../../live/LiveProvider.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { FaqAnswerForm } from './FaqAnswerForm.tsx';

const STATUS_COLOR = { open: 'warning', answered: 'success', dismissed: 'secondary' } as const;

/** The agent's unanswered questions first (the API orders them), most asked first. */
export function FaqPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const { data, error, reload } = useLoad(() => knowledgeApi.faq(rid), [rid]);
  useLiveReload(['faq.'], reload);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  return (
    <>
      <PageHeader title={t('nav.faq')} />
      {data.items.length === 0 && <p className="text-body-secondary">{t('faq.empty')}</p>}
      <div className="d-flex flex-column gap-2">
        {data.items.map((f) => (
          <article key={f.id} className="card shadow-sm" data-testid="faq-entry" data-status={f.status}>
            <div className="card-body">
              <div className="d-flex flex-wrap gap-2 align-items-baseline">
                <strong className="me-auto">{f.question}</strong>
                <span className={`badge text-bg-${STATUS_COLOR[f.status]}`}>{t(`faq.status.${f.status}`)}</span>
                <span className="small text-body-secondary">{t('faq.asked', { count: f.timesAsked, when: formatDateTime(f.lastAskedAt, settings.timeZone) })}</span>
              </div>
              {f.answer && <p className="mb-0 mt-1">{f.answer}</p>}
              {f.status === 'open' && <FaqAnswerForm restaurantId={rid} entry={f} onSaved={reload} />}
            </div>
          </article>
        ))}
      </div>
    </>
  );
}
