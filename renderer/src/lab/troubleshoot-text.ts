/**
 * The troubleshooter's findings in words: each finding's text in the UI's language (a fault id
 * among its values named as the Faults panel names it), and where its fix leads, in the
 * administration window's own menu words.
 */
import type { TroubleshootFinding } from '../../../shared/api/file-contract';
import { targetText } from '../i18n/admin-text';
import type { Translate } from '../i18n/text';
import { fixView, viewTarget, type Fix } from './admin-link';

/** A finding in the UI's language (`t` of any namespace: the keys are named in full). */
export function findingText(t: Translate, f: Pick<TroubleshootFinding, 'key' | 'params'>): string {
  const params: Record<string, string | number> = { ...f.params };
  if (typeof params.fault === 'string') params.fault = t(`faults:${params.fault}.label`, { defaultValue: params.fault });
  return t(`troubleshooter:finding.${f.key}`, params);
}

/** Where a fix leads ("User Management > End User › carol"). */
export function fixPageText(t: Translate, fix: Fix): string {
  const view = fixView(fix);
  const target = view && viewTarget(view);
  if (!target) return fix.page ?? fix.kind ?? '';
  return `${targetText(t, target)}${view.type === 'record' && view.key ? ` › ${view.key}` : ''}`;
}
