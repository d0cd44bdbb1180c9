/**
 * Links from the lab window to one page of a cluster's administration window: the troubleshooter's
 * "fix it here". The lab window opens `?view=admin&cluster=NAME` as it always does, plus the page
 * (`kind` with an optional record `key`, or `page`); the admin window opens that page once it has
 * started. Anything the URL names that is not a page of the admin window is ignored.
 */
import type { TroubleshootFinding } from '../../../shared/api/file-contract';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/admin/fields';
import { FORM_PAGES, SPECIAL_PAGES, type AdminTarget, type FormPage, type SpecialPage } from '../../../shared/admin/pages';
import { useAdmin, type AdminView } from '../store/admin-store';

export type Fix = NonNullable<TroubleshootFinding['fix']>;

const isKind = (k: string | null | undefined): k is EntityKind => !!k && (ENTITY_KINDS as readonly string[]).includes(k);
const isForm = (p: string | null | undefined): p is FormPage => !!p && (FORM_PAGES as readonly string[]).includes(p);
const isSpecial = (p: string | null | undefined): p is SpecialPage => !!p && (SPECIAL_PAGES as readonly string[]).includes(p);

/** The admin page a fix names: a record, a list, a form or a special page (null: none of the admin window's). */
export function fixView(fix: Pick<Fix, 'kind' | 'key' | 'page'>): AdminView | null {
  if (isKind(fix.kind)) return fix.key !== undefined ? { type: 'record', kind: fix.kind, key: fix.key } : { type: 'list', kind: fix.kind };
  if (isForm(fix.page)) return { type: 'form', page: fix.page };
  if (isSpecial(fix.page)) return { type: 'special', page: fix.page };
  return null;
}

/** The menu target a view belongs to (a record belongs to its list). */
export function viewTarget(view: AdminView): AdminTarget | null {
  if (view.type === 'home') return null;
  return view.type === 'record' ? { type: 'list', kind: view.kind } : view;
}

/** This page's address for a cluster's administration window opened on the fix's page, keeping the token. */
export function adminPageUrl(fix: Fix): string {
  const params = new URLSearchParams();
  const token = new URLSearchParams(location.search).get('token');
  if (token) params.set('token', token);
  params.set('view', 'admin');
  params.set('cluster', fix.cluster);
  if (fix.kind !== undefined) params.set('kind', fix.kind);
  if (fix.key !== undefined) params.set('key', fix.key);
  if (fix.page !== undefined) params.set('page', fix.page);
  return `${location.pathname}?${params.toString()}`;
}

/** The page an admin window's URL asks for, if it names one. */
export function linkedAdminView(params: URLSearchParams): AdminView | null {
  return fixView({ kind: params.get('kind') ?? undefined, key: params.get('key') ?? undefined, page: params.get('page') ?? undefined });
}

/** In an admin window that has started: open the page its URL names. */
export async function openLinkedAdminView(params: URLSearchParams): Promise<void> {
  const view = linkedAdminView(params);
  if (view && !useAdmin.getState().fatal) await useAdmin.getState().open(view);
}
