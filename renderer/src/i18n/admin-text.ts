/**
 * The administration tables (shared/admin, shared/parameters) in the UI's language. Their English
 * stays in the tables (the main process validates with them); the renderer's resources hold the
 * other languages under the same keys, and en-US is built from the tables:
 * - adminTables: `entity.<kind>.{title,plural}`, `entity.<kind>.field.<key>.{label,help,what}`,
 *   `page.<page>.title`, `page.<page>.field.<key>.{label,help,what}`
 * - adminMenu: one flat key per English menu path segment ("Device Settings")
 * - adminChoices: one flat key per English choice label of a select, and per "none" label ("< None >")
 * - validation: one key per code of shared/admin/validate.ts
 */
import { ENTITIES } from '../../../shared/admin/entities';
import type { Choice, EntityKind, FieldDef, FieldError } from '../../../shared/admin/fields';
import { PAGES, targetTitle, type AdminTarget, type FormPage } from '../../../shared/admin/pages';
import type { FieldProblem } from '../../../shared/admin/validate';
import type { Translate } from './text';

/** Which table a field belongs to: a list's entity or a form page. */
export type TableScope = { kind: EntityKind } | { page: FormPage };

const base = (scope: TableScope) => ('kind' in scope ? `entity.${scope.kind}` : `page.${scope.page}`);

/** Options for a flat namespace whose keys are English words ("Device Settings", "8 kbps (G.729)"). */
const flat = (ns: string, defaultValue: string) => ({ ns, keySeparator: false as const, nsSeparator: false as const, defaultValue });

export function fieldLabel(t: Translate, scope: TableScope, field: FieldDef): string {
  return t(`adminTables:${base(scope)}.field.${field.key}.label`, { defaultValue: field.label });
}

/** The guide's note on a field, if it has one. */
export function fieldHelp(t: Translate, scope: TableScope, field: FieldDef): string | undefined {
  return field.help === undefined ? undefined : t(`adminTables:${base(scope)}.field.${field.key}.help`, { defaultValue: field.help });
}

/** What a field's pattern stands for ("a directory number (digits, * # +)"). */
export function patternWhat(t: Translate, scope: TableScope, field: FieldDef): string | undefined {
  return field.pattern && t(`adminTables:${base(scope)}.field.${field.key}.what`, { defaultValue: field.pattern.what });
}

/**
 * A choice of a select, by its English label (two fields may share a value with different labels:
 * "non-secure" is a profile and a security mode). Product names, versions and locale codes read
 * the same in every language.
 */
export function choiceLabel(t: Translate, choice: Choice): string {
  return t(choice.label, flat('adminChoices', choice.label));
}

/** A value that is also its own label ("non-secure", "Call Reject"). */
export function choiceText(t: Translate, value: string): string {
  return choiceLabel(t, { value, label: value });
}

/** What an empty select shows ("< None >", "< Use Current Device Settings >"). */
export function noneLabel(t: Translate, field: FieldDef): string {
  return choiceText(t, field.noneLabel ?? '< None >');
}

export function entityTitle(t: Translate, kind: EntityKind): string {
  return t(`adminTables:entity.${kind}.title`, { defaultValue: ENTITIES[kind].title });
}

export function entityPlural(t: Translate, kind: EntityKind): string {
  return t(`adminTables:entity.${kind}.plural`, { defaultValue: ENTITIES[kind].plural });
}

export function pageTitle(t: Translate, page: FormPage): string {
  return t(`adminTables:page.${page}.title`, { defaultValue: PAGES[page].title });
}

/** One segment of a menu path ("Device Settings"). */
export function menuText(t: Translate, segment: string): string {
  return t(segment, flat('adminMenu', segment));
}

/** The menu path of a target in the UI's language, as the page's crumb and the links to it show it. */
export function targetText(t: Translate, target: AdminTarget): string {
  return targetTitle(target).split(' > ').map((s) => menuText(t, s)).join(' > ');
}

/** The last segment of a target's menu path (the page's own name). */
export function targetName(t: Translate, target: AdminTarget): string {
  return menuText(t, targetTitle(target).split(' > ').pop()!);
}

const isProblem = (e: FieldError): e is FieldProblem => 'code' in e && 'values' in e;

/**
 * A field error in the UI's language. The checks the page runs itself carry a code and values
 * (shared/admin/validate.ts); the main process's errors come as English words and show as they are.
 */
export function errorText(t: Translate, scope: TableScope | null, fields: readonly FieldDef[], e: FieldError): string {
  if (!isProblem(e)) return e.message;
  const field = fields.find((f) => f.key === e.field);
  const values: Record<string, string | number> = { ...e.values };
  if (scope && field) {
    values.label = fieldLabel(t, scope, field);
    if (e.code === 'pattern') values.what = patternWhat(t, scope, field) ?? values.what ?? '';
    if (e.code === 'choice' && field.choices) values.choices = field.choices.map((c) => choiceLabel(t, c)).join(t('common:listSeparator'));
  }
  if (typeof values.option === 'string') values.option = choiceText(t, values.option);
  return t(`validation:${e.code}`, values);
}
