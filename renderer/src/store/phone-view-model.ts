/**
 * The rules of the lab window's phone views, as plain functions (tested under Node): which phone
 * panels are open in browser mode, which phones a filter keeps, what a phone grid tile says of a
 * phone's screen, and which rows of a long list or grid are drawn (only those in view, so a lab
 * with hundreds of phones scrolls as fast as one with three).
 */
import type { LabSnapshot, PhoneScreen } from '../../../shared/api/contract';
import { AUTO_OPEN_PHONES } from '../../../shared/phone-models';
import { rawText, uiKey, type UiText } from '../i18n/text';

export type LabPhone = LabSnapshot['phones'][number];

/** Browser mode: a panel is open if the user opened it, else if the lab is small enough to show every phone. */
export function panelOpen(choices: Readonly<Record<string, boolean>>, deviceName: string, phoneCount: number): boolean {
  return Object.hasOwn(choices, deviceName) ? choices[deviceName]! : phoneCount <= AUTO_OPEN_PHONES;
}

/** The open phones among the lab's, in the lab's order. */
export function openPhoneNames(phones: readonly LabPhone[], isOpen: (deviceName: string) => boolean): string[] {
  return phones.filter((p) => isOpen(p.deviceName)).map((p) => p.deviceName);
}

/** Whether a phone matches the filter: every word found in its name, model, clusters or user. */
export function matchesFilter(phone: LabPhone, screen: PhoneScreen | undefined, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = [phone.deviceName, phone.model, screen?.modelName, phone.ownClusterId, phone.registeredTo, screen?.registration?.clusterName, screen?.loggedInUser]
    .filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * A phone's screen in a few words for its grid tile: its state while it is not registered, else
 * what its screen shows (the error text, the menu or form it is on), else idle. The screen's own
 * words are in the phone's language, as on the phone.
 */
export function screenSummary(screen: PhoneScreen | undefined): UiText {
  if (!screen) return uiKey('common:loading');
  if (screen.status !== 'registered') return uiKey(`phone:status.${screen.status}`);
  const v = screen.view;
  switch (v.kind) {
    case 'idle':
      return uiKey('phones:summary.idle');
    case 'status':
      return rawText(v.text);
    case 'text':
      return rawText(v.text);
    case 'menu':
      return rawText(v.items[v.selected] ? `${v.title} › ${v.items[v.selected]}` : v.title);
    case 'input':
      return rawText(v.fields[v.focused] ? `${v.title} › ${v.fields[v.focused]!.label}` : v.title);
  }
}

/** How many tiles of `tileWidth` fit across `width`, `gap` between them (at least one). */
export function gridColumns(width: number, tileWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (tileWidth + gap)));
}

export interface WindowedRange {
  /** The first and one past the last item drawn. */
  start: number;
  end: number;
  /** Height of the rows above and below the drawn ones (kept as padding, so the scroll bar is right). */
  before: number;
  after: number;
}

/**
 * The items of a scrolled list or grid to draw: the rows in view plus `overscan` rows each side.
 * `columns` items per row, each row `rowHeight` high.
 */
export function windowedRange(o: { count: number; columns: number; rowHeight: number; scrollTop: number; viewport: number; overscan?: number }): WindowedRange {
  const overscan = o.overscan ?? 2;
  const rows = Math.ceil(o.count / o.columns);
  const first = Math.max(0, Math.floor(o.scrollTop / o.rowHeight) - overscan);
  const last = Math.min(rows, Math.ceil((o.scrollTop + Math.max(o.viewport, o.rowHeight)) / o.rowHeight) + overscan);
  const lastRow = Math.max(first, last);
  return {
    start: Math.min(o.count, first * o.columns),
    end: Math.min(o.count, lastRow * o.columns),
    before: first * o.rowHeight,
    after: Math.max(0, rows - lastRow) * o.rowHeight,
  };
}
