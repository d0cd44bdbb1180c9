/**
 * Turns what a scenario run says (`Said`) into text of one language, on i18next as
 * shared/i18n/translator.ts does for the phones: the command line prints it, tests read it.
 */
import i18next, { type TFunction } from 'i18next';
import type { Said } from '../api/file-contract';
import { LOCALES, asLocale, type Locale } from './messages';
import { SCENARIO_NAMESPACE, SCENARIO_TEXT } from './scenario-text';

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, { [SCENARIO_NAMESPACE]: SCENARIO_TEXT[l] }])),
  lng: 'en-US',
  fallbackLng: 'en-US',
  ns: [SCENARIO_NAMESPACE],
  defaultNS: SCENARIO_NAMESPACE,
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

const fixed = new Map<Locale, TFunction>();

/** `said` in `locale` (en-US when not given or not supported). */
export function sayText(said: Said, locale?: string): string {
  const l = asLocale(locale);
  let t = fixed.get(l);
  if (!t) {
    t = instance.getFixedT(l, SCENARIO_NAMESPACE);
    fixed.set(l, t);
  }
  return (t as unknown as (key: string, options: Record<string, unknown>) => string)(said.key, said.params ?? {});
}
