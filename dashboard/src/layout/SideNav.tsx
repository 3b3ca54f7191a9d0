import { useTranslation } from 'react-i18next';
import { restaurantPath } from '../router.ts';
import { SECTIONS, type Section } from './sections.ts';

export function SideNav(props: { restaurantId: string; active: Section; badges?: Partial<Record<Section, number>>; onNavigate: () => void }) {
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
            {(props.badges?.[s] ?? 0) > 0 && (
              <span className="badge rounded-pill text-bg-danger ms-2" data-testid={`nav-badge-${s}`}>
                {props.badges?.[s]}
              </span>
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}
