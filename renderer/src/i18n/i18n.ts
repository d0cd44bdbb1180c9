/**
 * The renderer's translations, on i18next (react-i18next for components): en-US and zh-CN,
 * switchable at run time from the top bar; the choice is remembered in this browser profile.
 * Each area of the UI keeps its strings in its own file under ./resources, exporting
 * `{ namespace, 'en-US': {...}, 'zh-CN': {...} }`; they are gathered here, so adding an area
 * touches no shared list. The phones' own screens are translated in the main process (each phone
 * has its user locale), from shared/i18n.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, asLocale, type Locale } from '../../../shared/i18n/messages';

export interface UiResource {
  namespace: string;
  'en-US': Record<string, unknown>;
  'zh-CN': Record<string, unknown>;
}

const modules = import.meta.glob<{ default: UiResource }>('./resources/*.ts', { eager: true });
export const UI_RESOURCES: UiResource[] = Object.values(modules).map((m) => m.default);

const STORAGE_KEY = 'emcc-lab.locale';

function savedLocale(): Locale {
  try {
    return asLocale(globalThis.localStorage?.getItem(STORAGE_KEY));
  } catch {
    return 'en-US';
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(UI_RESOURCES.map((r) => [r.namespace, r[l]]))])),
  lng: savedLocale(),
  fallbackLng: 'en-US',
  ns: UI_RESOURCES.map((r) => r.namespace),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

/** The page's lang follows the UI's language (screen readers, fonts, hyphenation). */
function markPageLanguage(locale: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}
markPageLanguage(i18n.language);
i18n.on('languageChanged', markPageLanguage);

// The lab window and the administration windows share the choice: one switched, all follow.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) void i18n.changeLanguage(savedLocale());
  });
}

/** The UI's language now. */
export function uiLocale(): Locale {
  return asLocale(i18n.language);
}

/** Switch the UI's language (remembered for the next start). */
export function setUiLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts this session
  }
  void i18n.changeLanguage(locale);
}
