import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../../api/src/contract/index.ts';
import { LANGUAGES, currentLanguage, setLanguage } from '../i18n/index.ts';
import { Dropdown } from './Dropdown.tsx';

type Restaurant = MeResponse['restaurants'][number];

/** 'Camille Martin' → 'CM': the user menu's label where the full name does not fit. */
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');

export function TopNav(props: {
  me: MeResponse;
  restaurant: Restaurant | undefined;
  onSelectRestaurant: (id: string) => void;
  onToggleNav: () => void;
  onLogout: () => void;
}) {
  const { t } = useTranslation();
  const { me, restaurant } = props;
  const language = currentLanguage();

  return (
    <nav className="navbar bg-dark sticky-top d-print-none" data-bs-theme="dark">
      <div className="container-fluid flex-nowrap gap-2">
        <button type="button" className="navbar-toggler d-md-none" aria-label={t('shell.toggleNav')} onClick={props.onToggleNav}>
          <span className="navbar-toggler-icon" />
        </button>
        <a className="navbar-brand fw-semibold me-auto" href="#/">
          {t('app.name')}
        </a>

        {me.restaurants.length > 1 && (
          <Dropdown
            label={<span className="d-inline-block text-truncate align-bottom" style={{ maxWidth: '40vw' }}>{restaurant?.name ?? t('shell.restaurant')}</span>}
            ariaLabel={t('shell.restaurant')}
            buttonClassName="btn-outline-light btn-sm"
            testId="restaurant-switcher"
          >
            {me.restaurants.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={`dropdown-item${r.id === restaurant?.id ? ' active' : ''}`}
                  aria-current={r.id === restaurant?.id}
                  onClick={() => props.onSelectRestaurant(r.id)}
                >
                  {r.name}
                </button>
              </li>
            ))}
          </Dropdown>
        )}

        <Dropdown
          label={
            <>
              <span className="d-none d-sm-inline">{me.user.name}</span>
              <span className="d-sm-none">{initials(me.user.name)}</span>
            </>
          }
          ariaLabel={t('shell.userMenu')}
          buttonClassName="btn-dark btn-sm"
          testId="user-menu"
        >
          <li className="px-3 py-2">
            <div className="fw-semibold">{me.user.name}</div>
            <div className="small text-body-secondary">{me.user.email}</div>
            {me.user.isPlatformAdmin ? (
              <div className="small text-body-secondary">{t('shell.platformAdmin')}</div>
            ) : (
              restaurant?.role && <div className="small text-body-secondary">{t(`roles.${restaurant.role}`)}</div>
            )}
          </li>
          {me.user.isPlatformAdmin && (
            <li><a className="dropdown-item" href="#/admin" data-testid="admin-link">{t('admin.restaurants')}</a></li>
          )}
          <li><hr className="dropdown-divider" /></li>
          <li><h6 className="dropdown-header">{t('shell.language')}</h6></li>
          {LANGUAGES.map((lng) => (
            <li key={lng}>
              <button
                type="button"
                lang={lng}
                className={`dropdown-item${lng === language ? ' active' : ''}`}
                aria-pressed={lng === language}
                onClick={() => setLanguage(lng)}
              >
                {lng === 'fr' ? 'Français (FR)' : 'English (EN)'}
              </button>
            </li>
          ))}
          <li><hr className="dropdown-divider" /></li>
          <li>
            <button type="button" className="dropdown-item" onClick={props.onLogout}>
              {t('shell.logout')}
            </button>
          </li>
        </Dropdown>
      </div>
    </nav>
  );
}
