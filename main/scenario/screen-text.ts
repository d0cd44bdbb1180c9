/**
 * Reading a phone's screen as a person does: the text it shows, and the EM error code in it. The
 * codes are recognised by the phones' own error texts (shared/i18n/messages.ts, both languages),
 * so "HTTP error (500)" or a line number in parentheses is never taken for one.
 */
import type { PhoneScreen } from '../../shared/api/contract';
import { EmError } from '../../shared/errors/error-catalogue';
import { LOCALES, MESSAGES } from '../../shared/i18n/messages';

/** Everything the phone's display shows, one line per part. */
export function visibleText(s: PhoneScreen): string {
  const v = s.view;
  switch (v.kind) {
    case 'status':
      return v.text;
    case 'idle':
      return [s.loggedInUser ?? '', ...s.lines.map((l) => `${l.dn} ${l.label}`)].filter(Boolean).join('\n');
    case 'menu':
      return [v.title, v.prompt, ...v.items].filter(Boolean).join('\n');
    case 'input':
      return [v.title, v.prompt, ...v.fields.map((f) => `${f.label}: ${f.value}`)].filter(Boolean).join('\n');
    case 'text':
      return [v.title, v.text].filter(Boolean).join('\n');
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per error text with a code ("Login is unavailable ({{code}})"), in every language. */
const CODED = LOCALES.flatMap((l) =>
  Object.values(MESSAGES[l].error)
    .filter((t) => t.includes('{{code}}'))
    .map((t) => new RegExp(escape(t).replace(escape('{{code}}'), '(\\d{1,3})'), 'g')),
);
/** Texts that stand for a code without showing it (PIN change is required: 41). */
const UNCODED = LOCALES.map((l) => MESSAGES[l].error.pinChange);

/** The EM error codes the screen shows, in the order they appear. */
export function screenCodes(s: PhoneScreen): number[] {
  const v = s.view;
  if (v.kind !== 'text' && v.kind !== 'input' && v.kind !== 'menu') return [];
  const text = visibleText(s);
  const codes: number[] = [];
  for (const re of CODED) for (const m of text.matchAll(re)) codes.push(Number(m[1]));
  if (UNCODED.some((t) => text.includes(t))) codes.push(EmError.PinChangeRequired);
  return [...new Set(codes)];
}

/** The one error code the screen shows, or null. */
export function screenCode(s: PhoneScreen): number | null {
  return screenCodes(s)[0] ?? null;
}
