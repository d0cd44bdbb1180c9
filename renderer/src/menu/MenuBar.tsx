/**
 * The lab window's menu bar in browser mode (the desktop app has its own application menu with
 * the same commands): File, View, Lab, Window, Help, opened by a click, moved through with the
 * arrow keys, closed by Escape or a click outside; pointing at another title while one is open
 * opens that one, as desktop menu bars do. The keyboard shortcuts a browser lets a page have
 * work with the menus closed (useMenuShortcuts).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutCommand } from '../../../shared/menu-commands';
import { IS_MAC } from '../app-info';
import { textOf } from '../i18n/text';
import { useFiles } from '../store/file-store';
import { useLab } from '../store/lab-store';
import { useOpenPhones, usePhoneView } from '../store/phone-view-store';
import { useDismiss } from '../use-dismiss';
import { runCommand } from './commands';
import { barMenus, type BarItem, type BarMenu } from './menu-model';

/** One empty list, so a selector that finds nothing returns the same value each time. */
const NONE: never[] = [];

function useBarMenus(): BarMenu[] {
  const recent = useFiles((s) => s.current?.recent ?? NONE);
  const snapshot = useLab((s) => s.snapshot);
  const open = useOpenPhones();
  const view = usePhoneView((s) => s.view);
  const layout = usePhoneView((s) => s.layout);
  return barMenus({
    recent,
    phones: (snapshot?.phones ?? []).map((p) => ({ deviceName: p.deviceName, model: p.model, open: open.includes(p.deviceName) })),
    clusters: (snapshot?.clusters ?? []).map((c) => c.name),
    clockPaused: snapshot?.clock.paused ?? false,
    view,
    layout,
    mac: IS_MAC,
  });
}

/** Move focus among a menu's enabled items with the arrow keys, Home and End. */
function moveFocus(e: KeyboardEvent<HTMLElement>): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)')];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const to = e.key === 'ArrowDown' ? (at + 1) % items.length : e.key === 'ArrowUp' ? (at - 1 + items.length) % items.length : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : -1;
  if (to < 0 || !items.length) return;
  e.preventDefault();
  items[to]!.focus();
}

function MenuItem({ item, done }: { item: BarItem; done: () => void }) {
  const { t } = useTranslation();
  switch (item.type) {
    case 'separator':
      return <div className="menu-separator" role="separator" />;
    case 'heading':
      return <div className="menu-heading" role="presentation">{textOf(t, item.label)}</div>;
    case 'tabs':
    case 'command': {
      const checkable = item.checked !== undefined;
      const run = () => {
        done();
        if (item.type === 'tabs') usePhoneView.getState().setLayout('tabs');
        else runCommand(item.command);
      };
      return (
        <button type="button" role={checkable ? 'menuitemcheckbox' : 'menuitem'} aria-checked={checkable ? item.checked : undefined}
          data-testid={item.testId} disabled={item.type === 'command' && item.disabled} onClick={run}>
          <span className="menu-check" aria-hidden="true">{item.checked ? '✓' : ''}</span>
          <span className="menu-label">{textOf(t, item.label)}</span>
          {item.type === 'command' && item.shortcut ? <kbd className="menu-shortcut">{item.shortcut}</kbd> : null}
        </button>
      );
    }
  }
}

export function MenuBar() {
  const { t } = useTranslation('menu');
  const working = useTranslation('files').t('working');
  const busy = useFiles((s) => s.busy);
  const menus = useBarMenus();
  const [open, setOpen] = useState<BarMenu['id'] | null>(null);
  const bar = useRef<HTMLElement>(null);
  const close = useCallback(() => setOpen(null), []);
  useDismiss(open !== null, bar, close);

  const focusFirst = (id: string) => requestAnimationFrame(() => bar.current?.querySelector<HTMLElement>(`[data-menu="${id}"] [role^="menuitem"]:not(:disabled)`)?.focus());
  return (
    <nav className="menu-bar" ref={bar} aria-label={t('bar')} data-testid="menu-bar">
      {menus.map((m) => (
        <div key={m.id} className="menu" data-menu={m.id}>
          <button type="button" className="menu-title" data-testid={m.testId} aria-haspopup="menu" aria-expanded={open === m.id}
            disabled={m.id === 'file' && busy}
            onClick={() => setOpen(open === m.id ? null : m.id)}
            onMouseEnter={() => open && open !== m.id && setOpen(m.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown') return;
              e.preventDefault();
              setOpen(m.id);
              focusFirst(m.id);
            }}>
            {m.id === 'file' && busy ? working : t(m.id)}
          </button>
          {open === m.id ? (
            <div className="menu-items" role="menu" aria-label={t(m.id)} onKeyDown={moveFocus}>
              {m.items.map((item, i) => <MenuItem key={i} item={item} done={close} />)}
            </div>
          ) : null}
        </div>
      ))}
    </nav>
  );
}

/**
 * The menus' keyboard shortcuts in the page (browser mode): Ctrl/⌘+O, S, Shift+S, Ctrl/⌘+Shift+G,
 * F8, F1. A key a phone panel already took (its softkeys are F1-F4) is left to the phone.
 */
export function useMenuShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const id = shortcutCommand(e, IS_MAC);
      if (!id) return;
      e.preventDefault();
      runCommand({ id });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
