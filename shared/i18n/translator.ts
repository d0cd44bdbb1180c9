/**
 * Translators built on i18next, one per locale, shared by the clusters (EMApp screens), the phone
 * firmware (softkeys, status lines) and the renderer.
 */
import i18next, { type TFunction } from 'i18next';
import { errorEntry } from '../errors/error-catalogue';
import { LOCALES, MESSAGES, type Locale, asLocale } from './messages';

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: MESSAGES[l] }])),
  lng: 'en-US',
  fallbackLng: 'en-US',
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

const cache = new Map<Locale, TFunction>();

/** The translate function of one locale (unknown locales fall back to en-US). */
export function translator(locale: string | null | undefined): TFunction {
  const l = asLocale(locale);
  let t = cache.get(l);
  if (!t) {
    t = remembering(instance.getFixedT(l));
    cache.set(l, t);
  }
  return t;
}

/** A translate function that looks a plain key (no options) up once: every phone screen asks for the same few. */
function remembering(fixed: TFunction): TFunction {
  const texts = new Map<string, string>();
  const t = (key: string | string[], options?: unknown): string => {
    if (options !== undefined || typeof key !== 'string') return (fixed as unknown as (k: unknown, o?: unknown) => string)(key, options);
    let text = texts.get(key);
    if (text === undefined) {
      text = fixed(key as never) as string;
      texts.set(key, text);
    }
    return text;
  };
  return t as unknown as TFunction;
}

/** Whether an error screen is shown for a login or a logout attempt. */
export type EmAction = 'login' | 'logout';

/**
 * The text a phone displays for an error code, exactly as the guide's "phone display" column:
 * internal codes show the code they stand for (39 and 44 show 201, 40 shows 23).
 */
export function errorDisplayText(code: number, action: EmAction, locale: string | null | undefined): string {
  const entry = errorEntry(code);
  const t = translator(locale);
  const shown = entry.shows ?? code;
  switch (entry.display) {
    case 'unavailable':
      // A code listed only for logout still reads "Logout is unavailable", and vice versa.
      return action === 'logout' && entry.during.logout || !entry.during.login
        ? t('error.logoutUnavailable', { code: shown })
        : t('error.loginUnavailable', { code: shown });
    case 'retry':
      return t('error.retry', { code: shown });
    case 'multiLogin':
      return t('error.multiLogin', { code: shown });
    case 'loginType':
      return t('error.loginType', { code: shown });
    case 'dnMultipleUsers':
      return t('error.dnMultipleUsers', { code: shown });
    case 'unsuccessful':
      return t('error.unsuccessful', { code: shown });
    case 'pinChange':
      return t('error.pinChange');
    case 'noPhoneRecord':
      return t('error.noPhoneRecord', { code: shown });
  }
}
