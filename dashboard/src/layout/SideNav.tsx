import { useTranslation } from 'react-i18next';
import { restaurantPath } from '../router.ts';
import { SECTIONS, type Section } from './sections.ts';

export function SideNav(props: { restaurantId: string; active: Section; onNavigate: () => void }) {
  const { t } = useTranslation();
  return (
    <ul className="nav nav-pills flex-column gap-1">
      {SECTIONS.map((s) => (
        <li className="nav-item" key={s}>
          <a
            className={`nav-link py-1${s === props.active ? ' active' : ' link-body-emphasis'}`}
            aria-current={s === props.active ? 'page' : undefined}
            href={`#${restaurantPath(props.restaurantId, s)}`}
            onClick={props.onNavigate}
          >
            {t(`nav.${s}`)}
          </a>
        </li>
      ))}
    </ul>
  );
}
