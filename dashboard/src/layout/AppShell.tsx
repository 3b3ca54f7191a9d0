import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../api/src/contract/index.ts';
import { LiveBanner } from '../live/LiveBanner.tsx';
import { LiveProvider } from '../live/LiveProvider.tsx';
import { useNewOrderBadge } from '../live/useNewOrderBadge.ts';
import { AdminPage, isAdminPath } from '../pages/admin/AdminPage.tsx';
import { RestaurantProvider } from '../restaurant/RestaurantContext.tsx';
import { navigate, parseRestaurantPath, restaurantPath, usePath } from '../router.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { SectionPage } from './SectionPage.tsx';
import { isSection, type Section } from './sections.ts';
import { SideNav } from './SideNav.tsx';
import { TopNav } from './TopNav.tsx';

const LAST_RESTAURANT_KEY = 'vo.restaurant';

export function AppShell({ me, onLogout }: { me: MeResponse; onLogout: () => void }) {
  const { t } = useTranslation();
  const [navOpen, setNavOpen] = useState(false);
  const path = usePath();
  const { restaurantId, section, itemId } = parseRestaurantPath(path);

  const restaurant = me.restaurants.find((r) => r.id === restaurantId);
  const fallback =
    me.restaurants.find((r) => r.id === localStorage.getItem(LAST_RESTAURANT_KEY)) ?? me.restaurants[0];
  const adminPage = isAdminPath(path) && me.user.isPlatformAdmin;
  // A restaurant id that is not one of ours is a dead end, never a silent switch: the URL may have been shared.
  const foreign = restaurantId !== null && restaurant === undefined;
  const valid = restaurant !== undefined && isSection(section);

  useEffect(() => {
    if (adminPage || foreign) return;
    if (!valid && fallback) navigate(restaurantPath(restaurant?.id ?? fallback.id, 'overview'), { replace: true });
  }, [valid, restaurant, fallback, adminPage, foreign]);

  useEffect(() => {
    if (restaurant) localStorage.setItem(LAST_RESTAURANT_KEY, restaurant.id);
  }, [restaurant]);

  useEffect(() => {
    document.title = valid ? `${t(`nav.${section}`)} · ${t('app.name')}` : t('app.name');
  }, [t, valid, section]);

  const selectRestaurant = (id: string) => navigate(restaurantPath(id, isSection(section) ? section : 'overview'));

  let body;
  if (adminPage) body = <AdminPage path={path} />;
  else if (foreign) body = <NotFoundPage />;
  else if (me.restaurants.length === 0)
    body = (
      <main className="container py-5">
        <div className="alert alert-info">{t('shell.noRestaurant')}</div>
      </main>
    );
  else if (valid)
    body = (
      <RestaurantProvider key={restaurant.id} restaurantId={restaurant.id}>
        <LiveProvider restaurantId={restaurant.id}>
          <RestaurantLayout restaurantId={restaurant.id} section={section} itemId={itemId} navOpen={navOpen} onNavigate={() => setNavOpen(false)} />
        </LiveProvider>
      </RestaurantProvider>
    );

  return (
    <>
      <TopNav
        me={me}
        restaurant={restaurant}
        onSelectRestaurant={selectRestaurant}
        onToggleNav={() => setNavOpen((o) => !o)}
        onLogout={onLogout}
      />
      {body}
    </>
  );
}

function RestaurantLayout(props: { restaurantId: string; section: Section; itemId: string | null; navOpen: boolean; onNavigate: () => void }) {
  const { t } = useTranslation();
  const newOrders = useNewOrderBadge(props.section === 'orders');
  return (
    <div className="container-fluid">
      <div className="row">
        <nav
          aria-label={t('shell.sections')}
          className={`col-md-3 col-xl-2 bg-body border-end py-3 app-sidenav d-print-none ${props.navOpen ? '' : 'd-none'} d-md-block`}
        >
          <SideNav restaurantId={props.restaurantId} active={props.section} badges={{ orders: newOrders }} onNavigate={props.onNavigate} />
        </nav>
        <main className="col-md-9 col-xl-10 py-4 px-md-4">
          <LiveBanner />
          <SectionPage key={`${props.section}/${props.itemId ?? ''}`} restaurantId={props.restaurantId} section={props.section} itemId={props.itemId} />
        </main>
      </div>
    </div>
  );
}
