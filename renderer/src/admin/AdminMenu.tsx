/**
 * The menu bar of the administration window: one button per top-level menu; a click opens its
 * dropdown, whose entries (and sub-menu sections) open the pages. Escape or a click elsewhere
 * closes it.
 */
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../use-dismiss';
import { useTranslation } from 'react-i18next';
import { menuText } from '../i18n/admin-text';
import type { AdminTarget } from '../../../shared/admin/pages';
import { useAdmin } from '../store/admin-store';
import { menuGroups, sameTarget, type MenuEntry } from './menu-groups';

const GROUPS = menuGroups();

function EntryButton({ entry, onPick }: { entry: MenuEntry; onPick: (t: AdminTarget) => void }) {
  const { t } = useTranslation('admin');
  const view = useAdmin((s) => s.view);
  const current = view.type !== 'home' && sameTarget(entry.target, view);
  return (
    <button type="button" role="menuitem" className={`admin-menu-entry${current ? ' current' : ''}`} onClick={() => onPick(entry.target)}>
      {menuText(t, entry.label)}
    </button>
  );
}

/** The menu bar built from MENU. */
export function AdminMenu() {
  const { t } = useTranslation('admin');
  // A sub-menu's title is the middle of its entries' paths, one or more segments joined by " > ".
  const pathText = (path: string) => path.split(' > ').map((s) => menuText(t, s)).join(' > ');
  const open = useAdmin((s) => s.open);
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  const bar = useRef<HTMLElement>(null);

  useDismiss(openGroup !== null, bar, useCallback(() => setOpenGroup(null), []));

  const pick = (t: AdminTarget) => {
    setOpenGroup(null);
    void open(t);
  };

  return (
    <nav className="admin-menubar" role="menubar" aria-label={t('window.menu')} ref={bar}>
      {GROUPS.map((g) => {
        const expanded = openGroup === g.title;
        return (
          <div key={g.title} className={`admin-menu${expanded ? ' open' : ''}`}>
            <button type="button" role="menuitem" aria-haspopup="menu" aria-expanded={expanded} className="admin-menu-title"
              data-testid={`menu-${g.title}`} onClick={() => setOpenGroup(expanded ? null : g.title)}
              onMouseEnter={() => openGroup && setOpenGroup(g.title)}>
              {menuText(t, g.title)}
            </button>
            {expanded ? (
              <div className="admin-menu-dropdown" role="menu" aria-label={menuText(t, g.title)}>
                {g.items.map((item) => item.type === 'entry'
                  ? <EntryButton key={item.entry.label} entry={item.entry} onPick={pick} />
                  : (
                    <div key={item.title} className="admin-submenu" role="group" aria-label={pathText(item.title)}>
                      <div className="admin-submenu-title">{pathText(item.title)} ›</div>
                      {item.entries.map((e) => <EntryButton key={e.label} entry={e} onPick={pick} />)}
                    </div>
                  ))}
              </div>
            ) : null}
          </div>
        );
      })}
    </nav>
  );
}
