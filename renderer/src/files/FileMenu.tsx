/**
 * The lab window's File menu (New, Open…, Save, Save As…, Recent) with the open lab's name, the
 * refusal of a file that could not be opened (each field at fault and why), and drag-and-drop:
 * a lab or scenario file dropped anywhere on the window opens.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDismiss } from '../use-dismiss';
import { useTranslation } from 'react-i18next';
import { LAB_FILE_EXTENSION } from '../../../shared/lab-file';
import { SCENARIO_EXTENSION } from '../../../shared/scenario';
import { useFiles } from '../store/file-store';

export function FileMenu() {
  const { t } = useTranslation('files');
  const current = useFiles((s) => s.current);
  const busy = useFiles((s) => s.busy);
  const [open, setOpen] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const files = useFiles.getState();

  useEffect(() => {
    void useFiles.getState().refresh();
  }, []);
  useDismiss(open, menu, useCallback(() => setOpen(false), []));

  const act = (fn: () => void) => () => {
    setOpen(false);
    fn();
  };
  return (
    <div className="file-menu" ref={menu}>
      <button type="button" className="admin-open" data-testid="file-menu" aria-haspopup="menu" aria-expanded={open} disabled={busy} onClick={() => setOpen(!open)}>
        {busy ? t('working') : t('file')}
      </button>
      <span className="lab-name" data-testid="lab-name" title={current?.path ?? undefined}>
        {current?.kind === 'demo' ? t('demoLab') : current?.kind === 'empty' ? t('emptyLab') : current?.name ?? ''}
      </span>
      {open ? (
        <div className="file-menu-items" role="menu" aria-label={t('file')}>
          <button type="button" role="menuitem" data-testid="file-new-demo" onClick={act(() => void files.newLab('demo'))}>{t('newDemo')}</button>
          <button type="button" role="menuitem" data-testid="file-new-empty" onClick={act(() => void files.newLab('empty'))}>{t('newEmpty')}</button>
          <button type="button" role="menuitem" data-testid="file-open" onClick={act(() => picker.current?.click())}>{t('open')}</button>
          <button type="button" role="menuitem" data-testid="file-save" onClick={act(() => void files.save(false))}>{t('save')}</button>
          <button type="button" role="menuitem" data-testid="file-save-as" onClick={act(() => void files.save(true))}>{t('saveAs')}</button>
          <div className="file-menu-group" role="group" aria-label={t('recent')}>
            <div className="file-menu-label">{t('recent')}</div>
            {current?.recent.length ? current.recent.map((r) => (
              <button key={r.path} type="button" role="menuitem" title={r.path} onClick={act(() => void files.openRecent(r.path))}>{r.name}</button>
            )) : <div className="file-menu-empty">{t('noRecent')}</div>}
          </div>
        </div>
      ) : null}
      <input
        ref={picker}
        type="file"
        hidden
        data-testid="file-picker"
        accept={`${LAB_FILE_EXTENSION},${SCENARIO_EXTENSION},.json`}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void files.openPicked(file);
        }}
      />
    </div>
  );
}

/** Why a file was refused, over the lab; the lab that was open is still there underneath. */
export function FileProblems() {
  const { t } = useTranslation('files');
  const problems = useFiles((s) => s.problems);
  const dismiss = useFiles((s) => s.dismiss);
  if (!problems) return null;
  return (
    <div className="file-problems" role="alert" data-testid="file-problems">
      <div className="file-problems-title">{t('refused')}</div>
      <ul>
        {problems.map((p, i) => <li key={i}><code>{p.field}</code>: {p.message}</li>)}
      </ul>
      <button type="button" className="admin-open" onClick={dismiss}>{t('dismiss')}</button>
    </div>
  );
}

/** Opens a lab or scenario file dropped anywhere on the window. */
export function useFileDrop(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setOver(true);
    };
    const onLeave = (e: DragEvent) => {
      if (e.relatedTarget === null) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      setOver(false);
      void useFiles.getState().openPicked(file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}
