/**
 * The lab clock: the lab time, Run / Pause, the speed (x1, x60, x3600) and jumps forward that
 * fire every timer due on the way ('lab.setClock').
 */
import { useTranslation } from 'react-i18next';
import { useLab } from '../store/lab-store';
import { useLabWindow } from '../store/lab-window-store';
import { useLabTime } from '../phone/use-lab-time';

const SPEEDS = [1, 60, 3600] as const;
// Labels: lab:clock.jump.<id> (the button) and lab:clock.span.<id> (its tooltip).
const JUMPS = [
  { id: '1m', ms: 60_000 },
  { id: '1h', ms: 3_600_000 },
  { id: '1d', ms: 86_400_000 },
  { id: '7d', ms: 7 * 86_400_000 },
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** "Tue 2026-11-24 10:04:05" ("周二 2026-11-24 10:04:05"), the lab time to the second. */
export function labTimeText(t: number, locale: string): string {
  const d = new Date(t);
  const day = d.toLocaleDateString(locale, { weekday: 'short' });
  return `${day} ${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function ClockControls() {
  const { t, i18n } = useTranslation('lab');
  const clock = useLab((s) => s.snapshot?.clock);
  const now = useLabTime();
  const pending = useLabWindow((s) => s.clockPending);
  const error = useLabWindow((s) => s.clockError);
  const setClock = useLabWindow((s) => s.setClock);
  if (!clock || now == null) return null;
  return (
    <div className="clock" role="group" aria-label={t('clock.aria')}>
      <div className="clock-time">
        <span className="clock-caption">{t('clock.caption')}</span>
        <time data-testid="lab-time" dateTime={new Date(now).toISOString()} data-time={Math.floor(now / 1000) * 1000}>{labTimeText(now, i18n.language)}</time>
        <span className={`clock-state${clock.paused ? ' paused' : ''}`} data-testid="clock-state">{pending ? t('clock.working') : clock.paused ? t('clock.paused') : t('clock.running', { speed: clock.speed })}</span>
      </div>
      <div className="clock-group" role="group" aria-label={t('clock.runOrPause')}>
        <button type="button" data-testid="clock-run" aria-pressed={!clock.paused} disabled={pending} onClick={() => void setClock({ paused: false })} title={t('clock.runTitle')}>{t('clock.run')}</button>
        <button type="button" data-testid="clock-pause" aria-pressed={clock.paused} disabled={pending} onClick={() => void setClock({ paused: true })} title={t('clock.pauseTitle')}>{t('clock.pause')}</button>
      </div>
      <div className="clock-group" role="group" aria-label={t('clock.speed')}>
        {SPEEDS.map((s) => (
          <button key={s} type="button" data-testid={`clock-speed-${s}`} aria-pressed={clock.speed === s} disabled={pending} onClick={() => void setClock({ speed: s })} title={t('clock.speedTitle', { speed: s })}>
            x{s}
          </button>
        ))}
      </div>
      <div className="clock-group" role="group" aria-label={t('clock.jumpForward')}>
        {JUMPS.map((j) => (
          <button key={j.id} type="button" data-testid={`clock-jump-${j.id}`} disabled={pending} onClick={() => void setClock({ advanceMs: j.ms })} title={t('clock.jumpTitle', { span: t(`clock.span.${j.id}`) })}>
            {t(`clock.jump.${j.id}`)}
          </button>
        ))}
      </div>
      {error ? <div className="clock-error" role="alert">{error}</div> : null}
    </div>
  );
}
