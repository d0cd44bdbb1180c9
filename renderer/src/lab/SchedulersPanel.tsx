/**
 * The schedulers of the guide, per cluster: each one's interval, its next run on the lab clock
 * and its last runs (what it found, what it changed), live as 'lab.scheduler' events arrive.
 */
import { useTranslation } from 'react-i18next';
import type { SchedulerState } from '../../../shared/api/lab-contract';
import { timeText } from '../admin/format';
import { useLabTime } from '../phone/use-lab-time';
import { useLab } from '../store/lab-store';
import { useLabWindow } from '../store/lab-window-store';
import { PanelHead } from './PanelHead';
import { durationText, relativeText, schedulersByCluster } from '../store/lab-window-model';

/** How many past runs each scheduler shows. */
const RUNS_SHOWN = 5;

function Scheduler({ s, now }: { s: SchedulerState; now: number | null }) {
  const { t } = useTranslation('lab');
  const runs = s.runs.slice(0, RUNS_SHOWN);
  const label = t(`schedulers.name.${s.id}`, { label: s.label });
  return (
    <li className="scheduler" data-testid={`scheduler-${s.cluster}-${s.id}`}>
      <div className="scheduler-head">
        <span className="scheduler-label">{label}</span>
        <span className="scheduler-interval" title={t('schedulers.intervalTitle')}>{t('schedulers.every', { duration: durationText(t, s.intervalMs) })}</span>
      </div>
      <div className="scheduler-next" data-testid={`scheduler-next-${s.cluster}-${s.id}`}>
        {t('schedulers.nextRun')} {s.nextRunAt == null ? <span className="muted">{t('schedulers.notScheduled')}</span> : (
          <>
            <time dateTime={new Date(s.nextRunAt).toISOString()}>{timeText(s.nextRunAt)}</time>
            {now != null ? <span className="muted"> ({relativeText(t, s.nextRunAt, now)})</span> : null}
          </>
        )}
      </div>
      {runs.length === 0 ? <div className="muted scheduler-norun">{t('schedulers.notRun')}</div> : (
        <ol className="scheduler-runs" aria-label={t('schedulers.runsAria', { label })}>
          {runs.map((r, i) => (
            <li key={`${r.at}-${i}`} className={r.changed.length ? 'changed' : ''}>
              <time dateTime={new Date(r.at).toISOString()}>{timeText(r.at)}</time>
              <span className="run-found">{r.found}</span>
              {r.changed.length ? (
                <ul className="run-changes">{r.changed.map((c, j) => <li key={j}>{c}</li>)}</ul>
              ) : <span className="run-nochange">{t('schedulers.nothingChanged')}</span>}
            </li>
          ))}
        </ol>
      )}
      {s.runs.length > RUNS_SHOWN ? <div className="muted">{t('schedulers.earlier', { count: s.runs.length - RUNS_SHOWN })}</div> : null}
    </li>
  );
}

export function SchedulersPanel() {
  const schedulers = useLabWindow((s) => s.schedulers);
  const state = useLabWindow((s) => s.schedulersState);
  const reload = useLabWindow((s) => s.loadSchedulers);
  const snapshot = useLab((s) => s.snapshot);
  const now = useLabTime();
  const groups = schedulersByCluster(schedulers, snapshot?.clusters.map((c) => c.id) ?? []);
  const nameOf = (id: string) => snapshot?.clusters.find((c) => c.id === id);
  return (
    <section className="panel schedulers-panel" aria-labelledby="schedulers-title">
      <PanelHead panel="schedulers" state={state} empty={groups.length === 0} reload={() => void reload()} />
      {groups.map((g) => {
        const c = nameOf(g.cluster);
        return (
          <div key={g.cluster} className="scheduler-cluster" data-testid={`schedulers-${g.cluster}`}>
            <h3>{c?.name ?? g.cluster} {c ? <code>{c.clusterId}</code> : null}</h3>
            <ul className="scheduler-list">{g.schedulers.map((s) => <Scheduler key={s.id} s={s} now={now} />)}</ul>
          </div>
        );
      })}
    </section>
  );
}
