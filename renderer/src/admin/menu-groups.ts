/**
 * The administration menu as the menu bar draws it: one group per top-level menu in Unified CM's
 * order, each with its items and its sub-menus (items that share a second path segment).
 */
import { MENU, MENU_ORDER, type AdminTarget, type MenuItem } from '../../../shared/admin/pages';

/** One clickable entry, labelled with the last segment of its path. */
export interface MenuEntry {
  label: string;
  target: AdminTarget;
}

/** An item of a group: an entry, or a sub-menu of entries under a heading. */
export type MenuGroupItem = { type: 'entry'; entry: MenuEntry } | { type: 'submenu'; title: string; entries: MenuEntry[] };

/** A top-level menu. */
export interface MenuGroup {
  title: string;
  items: MenuGroupItem[];
}

const entryOf = (m: MenuItem): MenuEntry => ({ label: m.path[m.path.length - 1]!, target: m.target });

/** The menu bar, built from MENU grouped by path[0] in MENU_ORDER. */
export function menuGroups(menu: readonly MenuItem[] = MENU): MenuGroup[] {
  return MENU_ORDER.map((title) => {
    const items: MenuGroupItem[] = [];
    for (const m of menu.filter((x) => x.path[0] === title)) {
      if (m.path.length <= 2) {
        items.push({ type: 'entry', entry: entryOf(m) });
        continue;
      }
      const sub = m.path.slice(1, -1).join(' > ');
      const existing = items.find((i): i is Extract<MenuGroupItem, { type: 'submenu' }> => i.type === 'submenu' && i.title === sub);
      if (existing) existing.entries.push(entryOf(m));
      else items.push({ type: 'submenu', title: sub, entries: [entryOf(m)] });
    }
    return { title, items };
  }).filter((g) => g.items.length > 0);
}

/** Whether two targets lead to the same page. */
export function sameTarget(a: AdminTarget, b: { type: string; kind?: string; page?: string }): boolean {
  if (a.type === 'list') return (b.type === 'list' || b.type === 'record') && b.kind === a.kind;
  return a.type === b.type && a.page === b.page;
}
