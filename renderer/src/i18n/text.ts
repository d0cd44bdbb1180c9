/**
 * Texts kept in state (a store's notice or error) before a component shows them: a key of the UI's
 * translations with its values, so the text follows a language switch, or words as the lab sent
 * them (its error messages and data are in English and shown as they are).
 */
import type { TFunction } from 'i18next';

/** The translate function of react-i18next's useTranslation, or i18n.getFixedT in tests. */
export type Translate = TFunction;
/** Values of a text; a value that is itself a UiText is put in words first ("2 errors: nothing was saved"). */
export type TextValues = { [name: string]: string | number | UiText };

export type UiText = { key: string; values?: TextValues } | { raw: string };

/** A translation key ("ns:path") with its values. */
export function uiKey(key: string, values?: TextValues): UiText {
  return values ? { key, values } : { key };
}

/** Words shown as they came (an error message of the lab). */
export function rawText(raw: string): UiText {
  return { raw };
}

/** A UiText in the UI's language. */
export function textOf(t: Translate, text: UiText): string {
  if ('raw' in text) return text.raw;
  if (!text.values) return t(text.key);
  const values = Object.fromEntries(Object.entries(text.values).map(([k, v]) => [k, typeof v === 'object' ? textOf(t, v) : v]));
  return t(text.key, values);
}
