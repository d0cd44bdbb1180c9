/**
 * Help > About EMCC Lab (the version of package.json, built into the page) and Help > EMCC Lab
 * Guide (how to try an EMCC login, where things are, the keyboard shortcuts). Both are the lab
 * window's own dialogs, in browser mode and in the desktop app alike (whose menu sends the lab
 * window the command). Nothing here is fetched: no remote content.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { acceleratorLabel, SHORTCUTS, type MenuCommandId } from '../../../shared/menu-commands';
import { APP_VERSION, IS_MAC } from '../app-info';
import { isDesktop } from '../api/binding';
import { textOf } from '../i18n/text';
import { useMenu } from './menu-store';

function Dialog({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  const { t } = useTranslation('common');
  const close = useMenu((s) => s.closeDialog);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);
  return (
    <div className="modal-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="modal help-dialog" role="dialog" aria-modal="true" aria-labelledby={`${testId}-title`} data-testid={testId}>
        <header className="modal-head">
          <h2 id={`${testId}-title`}>{title}</h2>
          <button ref={closeRef} type="button" className="modal-close" data-testid={`${testId}-close`} onClick={close} aria-label={t('close')}>✕</button>
        </header>
        <div className="modal-body">{children}</div>
      </div>
    </div>
  );
}

function About() {
  const { t } = useTranslation('help');
  return (
    <Dialog title={t('about.title')} testId="about">
      <div className="about-name">{t('about.name')}</div>
      <div className="about-version" data-testid="about-version">{t('about.version', { version: APP_VERSION })}</div>
      <p>{t('about.description')}</p>
      <p className="muted">{t(isDesktop ? 'about.mode.desktop' : 'about.mode.browser')}</p>
      <p className="muted">{t('about.license')}</p>
      <p className="muted small">{t('about.trademark')}</p>
    </Dialog>
  );
}

const GUIDE_STEPS = ['login', 'users', 'admin', 'side', 'phones'] as const;

function Guide() {
  const { t } = useTranslation('help');
  const menu = useTranslation('menu').t;
  const shortcuts = (Object.entries(SHORTCUTS) as [MenuCommandId, NonNullable<(typeof SHORTCUTS)[MenuCommandId]>][])
    .filter(([, s]) => isDesktop || s.inBrowser);
  return (
    <Dialog title={t('guide.title')} testId="guide">
      <ol className="guide-steps">
        {GUIDE_STEPS.map((s) => <li key={s}>{t(`guide.steps.${s}`)}</li>)}
      </ol>
      <h3>{t('guide.shortcuts')}</h3>
      <table className="guide-shortcuts">
        <tbody>
          {shortcuts.map(([id, s]) => (
            <tr key={id}><td><kbd>{acceleratorLabel(s.accelerator, IS_MAC)}</kbd></td><td>{menu(`command.${id}`)}</td></tr>
          ))}
        </tbody>
      </table>
      {isDesktop ? null : <p className="muted small">{t('guide.browserKeys')}</p>}
    </Dialog>
  );
}

export function HelpDialogs() {
  const dialog = useMenu((s) => s.dialog);
  return dialog === 'about' ? <About /> : dialog === 'guide' ? <Guide /> : null;
}

/** What the last menu command without a place of its own did (Update Remote Clusters Now). */
export function MenuNotice() {
  const { t } = useTranslation();
  const notice = useMenu((s) => s.notice);
  const dismiss = useMenu((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className={`menu-notice${notice.error ? ' error' : ''}`} role={notice.error ? 'alert' : 'status'} data-testid="menu-notice">
      <span>{textOf(t, notice.text)}</span>
      <button type="button" className="link-button" onClick={dismiss}>{t('common:close')}</button>
    </div>
  );
}
