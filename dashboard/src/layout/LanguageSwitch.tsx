import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage } from '../i18n/index.ts';

/** FR/EN toggle for pages without the user menu (the login page). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="btn-group btn-group-sm" role="group" aria-label={t('shell.language')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={`btn ${lng === active ? 'btn-secondary' : 'btn-outline-secondary'}`}
          aria-pressed={lng === active}
          onClick={() => setLanguage(lng)}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
