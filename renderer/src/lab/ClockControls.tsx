/**
 * The lab clock: the lab time, Run / Pause, the speed (x1, x60, x3600) and jumps forward that
 * fire every timer due on the way ('lab.setClock').
 */
import { useLab } from '../store/lab-store';
import { useLabWindow } from '../store/lab-window-store';
import { useLabTime } from '../phone/use-lab-time';

const SPEEDS = [1, 60, 3600] as const;
const JUMPS = [
  { id: '1m', label: '+1 min', ms: 60_000 },
  { id: '1h', label: '+1 h', ms: 3_600_000 },
  { id: '1d', label: '+1 day', ms: 86_400_000 },
  { id: '7d', label: '+7 days', ms: 7 * 86_400_000 },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** "Tue 2026-11-24 10:04:05", the lab time to the second. */
export function labTimeText(t: number): string {
  const d = new Date(t);
  const day = d.toLocaleDateString('en-US', { weekday: 'short' });
  return `${day} ${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function ClockControls() {
  const clock = useLab((s) => s.snapshot?.clock);
  const now = useLabTime();
  const pending = useLabWindow((s) => s.clockPending);
  const error = useLabWindow((s) => s.clockError);
  const setClock = useLabWindow((s) => s.setClock);
  if (!clock || now == null) return null;
  return (
    <div className="clock" role="group" aria-label="Lab clock">
      <div className="clock-time">
        <span className="clock-caption">Lab time</span>
        <time data-testid="lab-time" dateTime={new Date(now).toISOString()} data-time={Math.floor(now / 1000) * 1000}>{labTimeText(now)}</time>
        <span className={`clock-state${clock.paused ? ' paused' : ''}`} data-testid="clock-state">{pending ? 'working…' : clock.paused ? 'paused' : `running x${clock.speed}`}</span>
      </div>
      <div className="clock-group" role="group" aria-label="Run or pause">
        <button type="button" data-testid="clock-run" aria-pressed={!clock.paused} disabled={pending} onClick={() => void setClock({ paused: false })} title="Run the lab clock">▶ Run</button>
        <button type="button" data-testid="clock-pause" aria-pressed={clock.paused} disabled={pending} onClick={() => void setClock({ paused: true })} title="Pause the lab clock">❚❚ Pause</button>
      </div>
      <div className="clock-group" role="group" aria-label="Speed">
        {SPEEDS.map((s) => (
          <button key={s} type="button" data-testid={`clock-speed-${s}`} aria-pressed={clock.speed === s} disabled={pending} onClick={() => void setClock({ speed: s })} title={`Run at ${s} times real speed`}>
            x{s}
          </button>
        ))}
      </div>
      <div className="clock-group" role="group" aria-label="Jump forward">
        {JUMPS.map((j) => (
          <button key={j.id} type="button" data-testid={`clock-jump-${j.id}`} disabled={pending} onClick={() => void setClock({ advanceMs: j.ms })} title={`Jump ${j.label.slice(1)} forward, firing every timer due on the way`}>
            {j.label}
          </button>
        ))}
      </div>
      {error ? <div className="clock-error" role="alert">{error}</div> : null}
    </div>
  );
}
