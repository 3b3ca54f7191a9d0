import { useTranslation } from 'react-i18next';
import type { Section } from '../layout/sections.ts';

export function ComingSoonPage({ section }: { section: Section }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="h3 mb-4">{t(`nav.${section}`)}</h1>
      <div className="card">
        <div className="card-body text-center py-5">
          <h2 className="h5">{t('comingSoon.title')}</h2>
          <p className="text-body-secondary mb-0">{t('comingSoon.body')}</p>
        </div>
      </div>
    </>
  );
}
