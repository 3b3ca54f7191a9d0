import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../api/src/contract/index.ts';
import { ComingSoonPage } from '../pages/ComingSoonPage.tsx';
import { OverviewPage } from '../pages/OverviewPage.tsx';
import { navigate, parseRestaurantPath, restaurantPath, usePath } from '../router.ts';
import { isSection } from './sections.ts';
import { SideNav } from './SideNav.tsx';
import { TopNav } from './TopNav.tsx';

const LAST_RESTAURANT_KEY = 'vo.restaurant';

export function AppShell({ me, onLogout }: { me: MeResponse; onLogout: () => void }) {
  const { t } = useTranslation();
  const [navOpen, setNavOpen] = useState(false);
  const { restaurantId, section } = parseRestaurantPath(usePath());

  const restaurant = me.restaurants.find((r) => r.id === restaurantId);
  const fallback =
    me.restaurants.find((r) => r.id === localStorage.getItem(LAST_RESTAURANT_KEY)) ?? me.restaurants[0];
  const valid = restaurant !== undefined && isSection(section);

  // The URL is the source of truth for restaurant and section; repair it rather than render a guess.
  useEffect(() => {
    if (!valid && fallback) navigate(restaurantPath(restaurant?.id ?? fallback.id, 'overview'), { replace: true });
  }, [valid, restaurant, fallback]);

  useEffect(() => {
    if (restaurant) localStorage.setItem(LAST_RESTAURANT_KEY, restaurant.id);
  }, [restaurant]);

  useEffect(() => {
    document.title = valid ? `${t(`nav.${section}`)} · ${t('app.name')}` : t('app.name');
  }, [t, valid, section]);

  const selectRestaurant = (id: string) => navigate(restaurantPath(id, isSection(section) ? section : 'overview'));

  return (
    <>
      <TopNav
        me={me}
        restaurant={restaurant}
        onSelectRestaurant={selectRestaurant}
        onToggleNav={() => setNavOpen((o) => !o)}
        onLogout={onLogout}
      />
      {me.restaurants.length === 0 ? (
        <main className="container py-5">
          <div className="alert alert-info">{t('shell.noRestaurant')}</div>
        </main>
      ) : (
        valid && (
          <div className="container-fluid">
            <div className="row">
              <nav
                aria-label={t('shell.sections')}
                className={`col-md-3 col-xl-2 bg-body border-end py-3 app-sidenav ${navOpen ? '' : 'd-none'} d-md-block`}
              >
                <SideNav restaurantId={restaurant.id} active={section} onNavigate={() => setNavOpen(false)} />
              </nav>
              <main className="col-md-9 col-xl-10 py-4 px-md-4">
                {section === 'overview' ? (
                  <OverviewPage key={restaurant.id} restaurantId={restaurant.id} />
                ) : (
                  <ComingSoonPage section={section} />
                )}
              </main>
            </div>
          </div>
        )
      )}
    </>
  );
}
