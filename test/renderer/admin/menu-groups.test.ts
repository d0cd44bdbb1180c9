import { describe, expect, it } from 'vitest';
import { MENU, MENU_ORDER } from '../../../shared/admin/pages';
import { menuGroups, sameTarget } from '../../../renderer/src/admin/menu-groups';

describe('menuGroups', () => {
  const groups = menuGroups();
  const entries = groups.flatMap((g) => g.items.flatMap((i) => (i.type === 'entry' ? [i.entry] : i.entries)));

  it('offers every menu item once, grouped in Unified CM order', () => {
    expect(entries).toHaveLength(MENU.length);
    expect(groups.map((g) => g.title)).toEqual(MENU_ORDER.filter((t) => MENU.some((m) => m.path[0] === t)));
  });

  it('labels each entry with the last segment of its path, nested ones under a sub-menu heading', () => {
    const device = groups.find((g) => g.title === 'Device')!;
    const settings = device.items.find((i) => i.type === 'submenu' && i.title === 'Device Settings');
    expect(settings?.type === 'submenu' && settings.entries.map((e) => e.label)).toEqual(['Common Device Configuration', 'Phone Services', 'Device Profile']);
    expect(device.items.filter((i) => i.type === 'entry').map((i) => i.type === 'entry' && i.entry.label)).toEqual(['Phone', 'Trunk']);
  });

  it('has no two entries with the same label in one menu, so each is clickable by its text', () => {
    for (const g of groups) {
      const labels = g.items.flatMap((i) => (i.type === 'entry' ? [i.entry.label] : i.entries.map((e) => e.label)));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('matches a record view to its list entry', () => {
    expect(sameTarget({ type: 'list', kind: 'phone' }, { type: 'record', kind: 'phone' })).toBe(true);
    expect(sameTarget({ type: 'list', kind: 'phone' }, { type: 'list', kind: 'sipTrunk' })).toBe(false);
    expect(sameTarget({ type: 'form', page: 'isp' }, { type: 'form', page: 'isp' })).toBe(true);
  });
});
