import { describe, expect, it } from 'vitest';
import type { PhoneScreen } from '../../../shared/api/contract';
import { AUTO_OPEN_PHONES } from '../../../shared/phone-models';
import { gridColumns, matchesFilter, openPhoneNames, panelOpen, screenSummary, windowedRange, type LabPhone } from '../../../renderer/src/store/phone-view-model';

const phone = (deviceName: string, registeredTo: string | null = 'VISIT'): LabPhone => ({ deviceName, model: '8845', ownClusterId: 'VISIT', registeredTo });
const screen = (over: Partial<PhoneScreen>): PhoneScreen => ({
  deviceName: 'SEP1', model: '8845', modelName: 'Cisco 8845', locale: 'en-US', status: 'registered',
  registration: { clusterId: 'HOME', clusterName: 'home', host: 'home-pub' }, emcc: true, loggedInUser: 'alice',
  lines: [], view: { kind: 'idle' }, softkeys: [], servicesKeyLabel: 'Applications', ...over,
});

describe('browser-mode phone panels', () => {
  it('are all open in a small lab and all closed in a big one, unless the user chose', () => {
    expect(panelOpen({}, 'SEP1', 3)).toBe(true);
    expect(panelOpen({}, 'SEP1', AUTO_OPEN_PHONES + 1)).toBe(false);
    expect(panelOpen({ SEP1: false }, 'SEP1', 3)).toBe(false);
    expect(panelOpen({ SEP1: true }, 'SEP1', 500)).toBe(true);
    expect(panelOpen(JSON.parse('{"__proto__": true}'), 'toString', 500)).toBe(false);
    expect(openPhoneNames([phone('A'), phone('B'), phone('C')], (n) => n !== 'B')).toEqual(['A', 'C']);
  });
});

describe('the phone filter', () => {
  it('keeps phones matching every word in their name, model, clusters or user', () => {
    const s = screen({});
    expect(matchesFilter(phone('SEP00AA11BB22CC', 'HOME'), s, 'alice home')).toBe(true);
    expect(matchesFilter(phone('SEP00AA11BB22CC'), s, '22cc 8845')).toBe(true);
    expect(matchesFilter(phone('SEP00AA11BB22CC'), s, 'bob')).toBe(false);
    expect(matchesFilter(phone('SEP00AA11BB22CC'), undefined, '  ')).toBe(true);
  });
});

describe('a grid tile\'s screen summary', () => {
  it('says the phone\'s state until it registers, then what its screen shows, in the phone\'s words', () => {
    expect(screenSummary(undefined)).toEqual({ key: 'common:loading' });
    expect(screenSummary(screen({ status: 'resetting' }))).toEqual({ key: 'phone:status.resetting' });
    expect(screenSummary(screen({}))).toEqual({ key: 'phones:summary.idle' });
    expect(screenSummary(screen({ view: { kind: 'text', title: 'EM', text: 'Login is unavailable (208)' } }))).toEqual({ raw: 'Login is unavailable (208)' });
    expect(screenSummary(screen({ view: { kind: 'menu', title: 'Applications', prompt: '', items: ['Extension Mobility'], selected: 0 } }))).toEqual({ raw: 'Applications › Extension Mobility' });
    expect(screenSummary(screen({ view: { kind: 'input', title: 'Extension Mobility', prompt: '', fields: [{ label: 'User ID', value: '', masked: false }, { label: 'PIN', value: '', masked: true }], focused: 1 } })))
      .toEqual({ raw: 'Extension Mobility › PIN' });
  });
});

describe('drawing only what is in view', () => {
  it('fits as many tile columns as the width takes, at least one', () => {
    expect(gridColumns(700, 220, 10)).toBe(3);
    expect(gridColumns(679, 220, 10)).toBe(2);
    expect(gridColumns(10, 220, 10)).toBe(1);
  });

  it('draws the rows in view and a few around them, padding the rest, for a list of hundreds', () => {
    const top = windowedRange({ count: 600, columns: 3, rowHeight: 100, scrollTop: 0, viewport: 500, overscan: 2 });
    expect(top).toEqual({ start: 0, end: 21, before: 0, after: (200 - 7) * 100 });
    const middle = windowedRange({ count: 600, columns: 3, rowHeight: 100, scrollTop: 10_000, viewport: 500, overscan: 2 });
    expect(middle).toEqual({ start: 98 * 3, end: 107 * 3, before: 9800, after: (200 - 107) * 100 });
    const bottom = windowedRange({ count: 600, columns: 3, rowHeight: 100, scrollTop: 19_500, viewport: 500, overscan: 2 });
    expect(bottom.end).toBe(600);
    expect(bottom.after).toBe(0);
    // Every phone is drawn in some window of the scroll: rows plus padding always make the whole height.
    for (const r of [top, middle, bottom]) expect(r.before + r.after + Math.ceil((r.end - r.start) / 3) * 100).toBe(200 * 100);
  });

  it('draws everything of a short list', () => {
    expect(windowedRange({ count: 3, columns: 1, rowHeight: 30, scrollTop: 0, viewport: 600 })).toEqual({ start: 0, end: 3, before: 0, after: 0 });
    expect(windowedRange({ count: 0, columns: 1, rowHeight: 30, scrollTop: 0, viewport: 0 })).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });
});
