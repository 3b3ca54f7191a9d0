import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfferDto } from '../../../../api/src/contract/index.ts';
import { formulasApi, offersApi } from '../../api/catalog.ts';
import { formatLongDate, formatMoney } from '../../format.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useWeekdayList } from '../shared/WeekdayPicker.tsx';
import { OfferForm } from './OfferForm.tsx';

const KIND_COLOR = { promotion: 'success', special_menu: 'primary', event: 'warning' } as const;

export function OffersPage() {
  const { t } = useTranslation();
  const { id: rid, settings } = useRestaurant();
  const weekdayList = useWeekdayList();
  const [editing, setEditing] = useState<OfferDto | 'new' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error, reload } = useLoad(async () => {
    const [offers, formulas] = await Promise.all([offersApi.list(rid), formulasApi.list(rid)]);
    return { offers: offers.items, formulas: formulas.items };
  }, [rid]);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  const remove = (o: OfferDto) => offersApi.remove(rid, o.id).then(reload, setActionError);
  const money = (c: number) => formatMoney(c, settings.currency);

  const formulaName = (o: OfferDto) => data.formulas.find((x) => x.id === o.formulaId)?.name;
  // The special menu's own name often is the formula's: say it once.
  const what = (o: OfferDto) => [
    o.discountPercent !== null && `−${o.discountPercent} %`,
    o.discountAmountCents !== null && `−${money(o.discountAmountCents)}`,
    formulaName(o) !== o.name && formulaName(o),
    o.minOrderCents !== null && t('offers.fromAmount', { amount: money(o.minOrderCents) }),
  ].filter(Boolean).join(' · ');
  const when = (o: OfferDto) => [
    o.startDate && o.endDate ? t('offers.between', { from: formatLongDate(o.startDate), to: formatLongDate(o.endDate) })
      : o.startDate ? t('offers.since', { date: formatLongDate(o.startDate) }) : o.endDate ? t('offers.until', { date: formatLongDate(o.endDate) }) : null,
    weekdayList(o.weekdays),
    o.startTime && `${o.startTime}–${o.endTime}`,
    o.orderTypes.length > 0 && o.orderTypes.map((x) => t(`orderType.${x}`)).join(', '),
  ].filter(Boolean).join(' · ');

  return (
    <>
      <PageHeader title={t('nav.offers')}>
        {editing === null && <button type="button" className="btn btn-primary" data-testid="new-offer" onClick={() => setEditing('new')}>{t('offers.new')}</button>}
      </PageHeader>
      {actionError !== null && <ErrorAlert error={actionError} />}
      {editing !== null && (
        <OfferForm key={editing === 'new' ? 'new' : editing.id} restaurantId={rid} offer={editing === 'new' ? null : editing}
          formulas={data.formulas} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
      )}
      {data.offers.length === 0 && <p className="text-body-secondary">{t('offers.empty')}</p>}
      <ul className="list-group shadow-sm">
        {data.offers.map((o) => (
          <li key={o.id} className="list-group-item d-flex gap-2 align-items-start" data-testid="offer-row">
            <div className="me-auto" style={{ minWidth: 0 }}>
              <span className={`badge text-bg-${KIND_COLOR[o.kind]} me-2`}>{t(`offers.kind.${o.kind}`)}</span>
              <strong className={o.active ? '' : 'text-decoration-line-through text-body-secondary'}>{o.name}</strong>
              {what(o) && <span className="ms-2">{what(o)}</span>}
              <div className="small text-body-secondary">{when(o)} · {t(`offers.applies.${o.appliesTo}`)}</div>
              {o.description && <div className="small">{o.description}</div>}
            </div>
            <RowActions name={o.name} onEdit={() => setEditing(o)} onDelete={() => void remove(o)} />
          </li>
        ))}
      </ul>
    </>
  );
}
