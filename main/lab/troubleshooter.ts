/**
 * The troubleshooter (issue #7): for an error code, the guide's explanation (summary, cause, what
 * the phone shows, in en-US and zh-CN), the checks a support engineer runs on the open lab for the
 * conditions that cause it, each failing one pointing at the page that fixes it, and the scenarios
 * of the library that reproduce it.
 *
 * A phone shows some internal codes as another (39 and 44 as 201, 40 as 23): asked about what the
 * phone showed, the troubleshooter also checks the internal codes behind it.
 */
import type { ScenarioSummary, Troubleshooting } from '../../shared/api/file-contract';
import { ERROR_CATALOGUE, errorEntry, type Localized } from '../../shared/errors/error-catalogue';
import { errorDisplayText } from '../../shared/i18n/translator';
import type { Lab } from './lab';
import { checksFor } from './troubleshoot-checks';
import { info, type Finding } from './troubleshoot-context';

const ORDER: Record<Finding['status'], number> = { cause: 0, info: 1, ok: 2 };

const both = (f: (locale: 'en-US' | 'zh-CN') => string): Localized => ({ 'en-US': f('en-US'), 'zh-CN': f('zh-CN') });

/** The internal codes a phone shows as `code` (39 and 44 for 201, 40 for 23). */
function shownAs(code: number): number[] {
  return ERROR_CATALOGUE.filter((e) => e.shows === code).map((e) => e.code);
}

/** What the guide says a code means, for a code it does not list. */
const UNKNOWN = {
  summary: (code: number) => ({ 'en-US': `Code ${code}`, 'zh-CN': `代码 ${code}` }),
  cause: { 'en-US': 'The guide\'s tables 9 and 10 do not list this code.', 'zh-CN': '指南的表 9 和表 10 中没有此代码。' },
};

/** Explain `code` and check the lab for its causes; `library` is the scenario library to search. */
export function troubleshoot(lab: Lab, code: number, library: readonly ScenarioSummary[]): Troubleshooting {
  const known = ERROR_CATALOGUE.some((e) => e.code === code);
  if (!known) {
    return {
      code, known, summary: UNKNOWN.summary(code), cause: UNKNOWN.cause, shows: { 'en-US': '', 'zh-CN': '' },
      findings: [info('code.unknown', { code })], scenarios: [],
    };
  }
  const entry = errorEntry(code);
  const behind = shownAs(code);
  const codes = [code, ...behind];
  const findings: Finding[] = [];
  if (entry.internal) findings.push(entry.shows === undefined ? info('code.internalScreen', { code }) : info('code.internal', { code, shows: entry.shows }));
  if (behind.length) findings.push(info('code.shownFor', { code, internal: behind.join(', ') }));
  for (const c of codes) for (const check of checksFor(c)) findings.push(...check(lab).map((f) => (c === code ? f : { ...f, params: { ...f.params, via: c } })));
  return {
    code,
    known,
    summary: entry.summary,
    cause: entry.cause,
    // A code listed for logouts only reads "Logout is unavailable"; errorDisplayText picks.
    shows: both((locale) => errorDisplayText(code, entry.during.login ? 'login' : 'logout', locale)),
    findings: findings.map((f, i) => ({ f, i })).sort((a, b) => ORDER[a.f.status] - ORDER[b.f.status] || a.i - b.i).map(({ f }) => f),
    scenarios: library.filter((s) => s.reproduces.some((r) => codes.includes(r))).map(({ id, title }) => ({ id, title })),
  };
}
