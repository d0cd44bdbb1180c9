import { describe, expect, it } from 'vitest';
import { barMenus, BAR_MENU_PHONES, type BarContext, type BarItem } from '../../../renderer/src/menu/menu-model';

const CTX: BarContext = {
  recent: [],
  phones: [{ deviceName: 'SEP00AA11BB22CC', model: '8845', open: true }, { deviceName: 'SEP00AA11BB33DD', model: '7965', open: false }],
  clusters: ['home', 'visiting'],
  clockPaused: false,
  view: 'phones',
  layout: 'tiled',
  mac: false,
};
const ids = (items: BarItem[]) => items.map((i) => (i.type === 'command' || i.type === 'tabs' ? i.testId : i.type));

describe('the browser-mode menu bar', () => {
  it('has File, View, Lab, Window and Help; Edit, zoom and Quit are the browser\'s', () => {
    expect(barMenus(CTX).map((m) => m.testId)).toEqual(['file-menu', 'menu-view', 'menu-lab', 'menu-window', 'menu-help']);
  });

  it('keeps the File menu\'s items and test ids, with the shortcuts a page may use', () => {
    const file = barMenus(CTX)[0]!.items;
    expect(ids(file)).toEqual(['file-new-demo', 'file-new-empty', 'separator', 'file-open', 'file-save', 'file-save-as', 'separator', 'heading', 'file-no-recent']);
    expect(file.find((i) => i.type === 'command' && i.testId === 'file-save')).toMatchObject({ shortcut: 'Ctrl+S' });
    expect(file.find((i) => i.type === 'command' && i.testId === 'file-new-demo')).not.toHaveProperty('shortcut');
    expect(barMenus({ ...CTX, mac: true })[0]!.items.find((i) => i.type === 'command' && i.testId === 'file-save-as')).toMatchObject({ shortcut: '⇧⌘S' });
  });

  it('Window opens each phone\'s panel (checked when open), tiles or tabs them, and opens each cluster\'s administration', () => {
    const win = barMenus(CTX)[3]!.items;
    expect(ids(win)).toEqual([
      'menu-item-window-tilePhones', 'menu-item-window-tabs', 'menu-item-window-openAllPhones', 'menu-item-window-closeAllPhones', 'separator', 'heading',
      'menu-item-phone-SEP00AA11BB22CC', 'menu-item-phone-SEP00AA11BB33DD', 'separator', 'menu-item-admin-home', 'menu-item-admin-visiting',
    ]);
    expect(win[0]).toMatchObject({ checked: true });
    expect(win[6]).toMatchObject({ checked: true, command: { id: 'window.phone', deviceName: 'SEP00AA11BB22CC' } });
    expect(win[7]).toMatchObject({ checked: false });
    const many = Array.from({ length: 200 }, (_, i) => ({ deviceName: `SEP${i}`, model: '8845', open: false }));
    const big = barMenus({ ...CTX, phones: many })[3]!.items;
    expect(big.filter((i) => i.type === 'command' && i.command.id === 'window.phone')).toHaveLength(BAR_MENU_PHONES);
    expect(big.find((i) => i.type === 'command' && i.testId === 'menu-item-more-phones')).toMatchObject({ command: { id: 'view.phoneGrid' } });
  });

  it('Lab offers to run a paused clock and to pause a running one', () => {
    expect(barMenus(CTX)[2]!.items[0]).toMatchObject({ command: { id: 'lab.toggleClock' }, label: { key: 'menu:command.lab.pause' }, shortcut: 'F8' });
    expect(barMenus({ ...CTX, clockPaused: true })[2]!.items[0]).toMatchObject({ label: { key: 'menu:command.lab.run' } });
  });
});
