import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiningServiceDto } from '../../../../api/src/contract/index.ts';
import { servicesApi } from '../../api/catalog.ts';
import { ErrorAlert } from '../../layout/ErrorAlert.tsx';
import { Spinner } from '../../layout/Spinner.tsx';
import { useRestaurant } from '../../restaurant/RestaurantContext.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { RowActions } from '../shared/RowActions.tsx';
import { useLoad } from '../shared/useLoad.ts';
import { useWeekdayList } from '../shared/WeekdayPicker.tsx';
import { ServiceForm } from './ServiceForm.tsx';

/** Seating services: the reservation slots the agent offers come from here. */
export function ServicesPage() {
  const { t } = useTranslation();
  const { id: rid } = useRestaurant();
  const weekdayList = useWeekdayList();
  const [editing, setEditing] = useState<DiningServiceDto | 'new' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const { data, error, reload } = useLoad(() => servicesApi.list(rid), [rid]);
  if (!data) return error ? <ErrorAlert error={error} /> : <Spinner />;
  const remove = (s: DiningServiceDto) => servicesApi.remove(rid, s.id).then(reload, setActionError);

  return (
    <>
      <PageHeader title={t('nav.services')}>
        {editing === null && <button type="button" className="btn btn-primary" data-testid="new-service" onClick={() => setEditing('new')}>{t('services.new')}</button>}
      </PageHeader>
      {actionError !== null && <ErrorAlert error={actionError} />}
      {editing !== null && (
        <ServiceForm key={editing === 'new' ? 'new' : editing.id} restaurantId={rid} service={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
      )}
      {data.items.length === 0 && <p className="text-body-secondary">{t('services.empty')}</p>}
      <div className="row row-cols-1 row-cols-lg-2 g-3">
        {data.items.map((s) => (
          <div className="col" key={s.id}>
            <article className="card shadow-sm h-100" data-testid="service-card">
              <div className="card-body">
                <div className="d-flex gap-2 align-items-start">
                  <div className="me-auto">
                    <h2 className="h5 mb-0">{s.name}{!s.active && <span className="badge text-bg-secondary ms-2 fs-6">{t('crud.inactive')}</span>}</h2>
                    <div className="small text-body-secondary">{weekdayList(s.weekdays)}</div>
                  </div>
                  <RowActions name={s.name} onEdit={() => setEditing(s)} onDelete={() => void remove(s)} />
                </div>
                <dl className="row small mb-0 mt-2">
                  <dt className="col-5">{t('services.card.hours')}</dt>
                  <dd className="col-7 mb-1">{s.startTime}–{s.endTime} ({t('services.lastSeatingShort', { time: s.lastSeatingTime })})</dd>
                  <dt className="col-5">{t('services.card.slots')}</dt><dd className="col-7 mb-1">{t('services.card.every', { min: s.slotIntervalMinutes })}</dd>
                  <dt className="col-5">{t('services.party')}</dt><dd className="col-7 mb-1">{t('services.partyRange', { min: s.minParty, max: s.maxParty })}</dd>
                  <dt className="col-5">{t('services.covers')}</dt>
                  <dd className="col-7 mb-1">
                    {s.maxCoversPerService ?? '∞'} / {t('services.perService')} · {s.maxCoversPerSlot ?? '∞'} / {t('services.perSlot')}
                  </dd>
                  <dt className="col-5">{t('services.card.turn')}</dt>
                  <dd className="col-7 mb-1">
                    {[...s.turnTimes].sort((a, b) => a.maxParty - b.maxParty).map((x) => t('services.turnShort', { n: x.maxParty, min: x.minutes })).join(' · ')}
                    {s.turnTimes.length > 0 && ' · '}{t('services.otherwise', { min: s.defaultTurnMinutes })}
                  </dd>
                  <dt className="col-5">{t('services.card.prepayment')}</dt>
                  <dd className="col-7 mb-0">{s.prepaymentAboveGuests === null ? t('services.none') : t('services.prepaymentAbove', { n: s.prepaymentAboveGuests })}</dd>
                </dl>
              </div>
            </article>
          </div>
        ))}
      </div>
    </>
  );
}
