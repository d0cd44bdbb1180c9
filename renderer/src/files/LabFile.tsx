/**
 * The open lab's name beside the menus, the refusal of a file that could not be opened (each
 * field at fault and why), and drag-and-drop: a lab or scenario file dropped anywhere on the
 * window opens. The File menu itself is part of the menu bar (menu/MenuBar.tsx) in browser mode
 * and of the application menu in the desktop app.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFiles } from '../store/file-store';

/** "Demo lab", "New lab", or the name of the file or scenario the lab came from. */
export function LabName() {
  const { t } = useTranslation('files');
  const current = useFiles((s) => s.current);
  useEffect(() => {
    void useFiles.getState().refresh();
  }, []);
  return (
    <span className="lab-name" data-testid="lab-name" title={current?.path ?? undefined}>
      {current?.kind === 'demo' ? t('demoLab') : current?.kind === 'empty' ? t('emptyLab') : current?.name ?? ''}
    </span>
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
