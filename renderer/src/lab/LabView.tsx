/**
 * The lab window: the clock and its controls, the topology (clusters with their nodes and
 * services, the links between them, where each phone is registered), the phones, and a side
 * column with the faults, the schedulers and the login attempts (each opening its sequence
 * diagram). In browser mode each phone is a panel here; in the desktop app each phone also has
 * its own window and the lab lists them.
 */
import { useEffect } from 'react';
import { useLab } from '../store/lab-store';
import { useLabWindow, type LabTab } from '../store/lab-window-store';
import { PhoneFace } from '../phone/PhoneFace';
import { AttemptsPanel } from './AttemptsPanel';
import { ClockControls } from './ClockControls';
import { FaultsPanel } from './FaultsPanel';
import { SchedulersPanel } from './SchedulersPanel';
import { SequenceDiagramDialog } from './SequenceDiagram';
import { Topology } from './Topology';

const TABS: { id: LabTab; label: string }[] = [
  { id: 'faults', label: 'Faults' },
  { id: 'schedulers', label: 'Schedulers' },
  { id: 'attempts', label: 'Login attempts' },
];

function SideColumn() {
  const tab = useLabWindow((s) => s.tab);
  const setTab = useLabWindow((s) => s.setTab);
  const activeFaults = useLabWindow((s) => s.faults.length);
  const unseen = useLabWindow((s) => s.unseenAttempts);
  const count = (id: LabTab) => (id === 'faults' ? activeFaults : id === 'attempts' ? unseen : 0);
  return (
    <aside className="lab-side" aria-label="Lab controls">
      <div className="tabs" role="tablist" aria-label="Lab panels">
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
            {t.label}
            {count(t.id) ? <span className={`tab-count ${t.id}`}>{count(t.id)}</span> : null}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'faults' ? <FaultsPanel /> : tab === 'schedulers' ? <SchedulersPanel /> : <AttemptsPanel />}
      </div>
    </aside>
  );
}

export function LabView({ showPhones }: { showPhones: boolean }) {
  const snapshot = useLab((s) => s.snapshot);
  const error = useLab((s) => s.error);
  const exportError = useLabWindow((s) => s.exportError);
  const exportTrace = useLabWindow((s) => s.exportTrace);
  useEffect(() => useLabWindow.getState().start(), []);
  if (!snapshot) return <div className="lab-loading">{error ?? 'Connecting to the lab…'}</div>;
  return (
    <div className="lab">
      <header className="lab-header">
        <div className="lab-topbar">
          <h1>EMCC Lab</h1>
          <ClockControls />
          <button type="button" className="admin-open" data-testid="export-trace-lab" title="Download the whole lab's trace as a text file" onClick={() => void exportTrace()}>
            Export lab trace
          </button>
        </div>
        <Topology />
        {error ? <div className="lab-error" role="alert">{error}</div> : null}
        {exportError ? <div className="lab-error" role="alert">{exportError}</div> : null}
      </header>
      <div className="lab-body">
        {showPhones ? (
          <main className="phones">
            {snapshot.phones.map((p) => <PhoneFace key={p.deviceName} deviceName={p.deviceName} />)}
          </main>
        ) : (
          <main className="phone-table">
            <table>
              <thead>
                <tr><th>Phone</th><th>Model</th><th>Own cluster</th><th>Registered to</th></tr>
              </thead>
              <tbody>
                {snapshot.phones.map((p) => (
                  <tr key={p.deviceName}>
                    <td><code>{p.deviceName}</code></td>
                    <td>{p.model}</td>
                    <td>{p.ownClusterId}</td>
                    <td className={p.registeredTo && p.registeredTo !== p.ownClusterId ? 'emcc' : ''}>{p.registeredTo ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </main>
        )}
        <SideColumn />
      </div>
      <SequenceDiagramDialog />
    </div>
  );
}
