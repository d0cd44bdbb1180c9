/**
 * The lab window: the menu bar (browser mode; the desktop app has its application menu), the
 * clock and its controls, the topology (clusters with their nodes and services, the links between
 * them, where each phone is registered), the phones (list or grid; in browser mode each open phone
 * is a panel here, in the desktop app a window of its own), and a side column with the faults, the
 * schedulers, the login attempts (each opening its sequence diagram), the scenarios and the
 * troubleshooter.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { textOf } from '../i18n/text';
import { useLab } from '../store/lab-store';
import { useLabWindow, type LabTab } from '../store/lab-window-store';
import { AttemptsPanel } from './AttemptsPanel';
import { ClockControls } from './ClockControls';
import { FaultsPanel } from './FaultsPanel';
import { SchedulersPanel } from './SchedulersPanel';
import { SequenceDiagramDialog } from './SequenceDiagram';
import { Topology } from './Topology';
import { FileProblems, LabName, useFileDrop } from '../files/LabFile';
import { FilePicker } from '../files/FilePicker';
import { api } from '../api/binding';
import { HelpDialogs, MenuNotice } from '../menu/HelpDialogs';
import { MenuBar, useMenuShortcuts } from '../menu/MenuBar';
import { runCommand } from '../menu/commands';
import { usePhoneView } from '../store/phone-view-store';
import { PhonesArea } from './PhonesArea';
import { ScenarioPanel } from '../files/ScenarioPanel';
import { TroubleshooterPanel } from './TroubleshooterPanel';

// Each tab's label is lab:tabs.<id>, or the key `label` names.
const TABS: { id: LabTab; label?: string }[] = [
  { id: 'faults' },
  { id: 'schedulers' },
  { id: 'attempts' },
  { id: 'scenarios' },
  { id: 'troubleshooter', label: 'troubleshooter:tab' },
];

function SideColumn() {
  const { t: tr } = useTranslation('lab');
  const tab = useLabWindow((s) => s.tab);
  const setTab = useLabWindow((s) => s.setTab);
  const activeFaults = useLabWindow((s) => s.faults.length);
  const unseen = useLabWindow((s) => s.unseenAttempts);
  const count = (id: LabTab) => (id === 'faults' ? activeFaults : id === 'attempts' ? unseen : 0);
  return (
    <aside className="lab-side" aria-label={tr('side.aria')}>
      <div className="tabs" role="tablist" aria-label={tr('side.tablist')}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            data-testid={`tab-${t.id}`}
            className={`tab${tab === t.id ? ' selected' : ''}`}
            onClick={() => setTab(t.id)}
          >
            {tr(t.label ?? `tabs.${t.id}`)}
            {count(t.id) ? <span className={`tab-count ${t.id}`}>{count(t.id)}</span> : null}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'faults' ? <FaultsPanel /> : tab === 'schedulers' ? <SchedulersPanel /> : tab === 'scenarios' ? <ScenarioPanel /> : tab === 'troubleshooter' ? <TroubleshooterPanel /> : <AttemptsPanel />}
      </div>
    </aside>
  );
}

export function LabView() {
  const { t } = useTranslation('lab');
  const desktop = usePhoneView((s) => s.desktop);
  const snapshot = useLab((s) => s.snapshot);
  const error = useLab((s) => s.error);
  const exportError = useLabWindow((s) => s.exportError);
  const exportTrace = useLabWindow((s) => s.exportTrace);
  useEffect(() => useLabWindow.getState().start(), []);
  // The desktop app's menu sends the lab window the commands it carries out itself.
  useEffect(() => (desktop ? api.on('shell.menuCommand', ({ command }) => runCommand({ id: command })) : undefined), [desktop]);
  useMenuShortcuts(!desktop);
  const dropping = useFileDrop();
  const dropText = useTranslation('files').t('dropHere');
  if (!snapshot) return <div className="lab-loading">{error ? textOf(t, error) : t('connecting')}</div>;
  return (
    <div className="lab">
      <header className="lab-header">
        <div className="lab-topbar">
          <h1>{t('title')}</h1>
          {desktop ? null : <MenuBar />}
          <LabName />
          <FilePicker />
          <ClockControls />
          <button type="button" className="admin-open" data-testid="export-trace-lab" title={t('exportLabTitle')} onClick={() => void exportTrace()}>
            {t('exportLab')}
          </button>
          <LanguageSwitch />
        </div>
        <Topology />
        {error ? <div className="lab-error" role="alert">{textOf(t, error)}</div> : null}
        {exportError ? <div className="lab-error" role="alert">{textOf(t, exportError)}</div> : null}
        <MenuNotice />
      </header>
      <div className="lab-body">
        <PhonesArea />
        <SideColumn />
      </div>
      <SequenceDiagramDialog />
      <FileProblems />
      <HelpDialogs />
      {dropping ? <div className="file-drop" data-testid="file-drop">{dropText}</div> : null}
    </div>
  );
}
