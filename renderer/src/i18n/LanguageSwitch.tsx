/**
 * The UI's language switch (lab window top bar, administration window header): one button per
 * language, each named in its own language. Switching re-renders every component at once.
 */
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/i18n/messages';
import { setUiLocale, uiLocale } from './i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const current = uiLocale();
  return (
    <div className="ui-locale" role="group" aria-label={t('language')} data-testid="ui-locale" data-locale={i18n.language}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} data-testid={`ui-locale-${l}`} aria-pressed={current === l} className={current === l ? 'current' : undefined}
          onClick={() => setUiLocale(l)}>
          {t(`languageName.${l}`)}
        </button>
      ))}
    </div>
  );
}
