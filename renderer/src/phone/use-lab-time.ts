/** The lab clock's time, ticking once a second between snapshots. */
import { useEffect, useState } from 'react';
import { useLab } from '../store/lab-store';

export function useLabTime(): number | null {
  const clock = useLab((s) => s.snapshot?.clock);
  const receivedAt = useLab((s) => s.receivedAt);
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, []);
  if (!clock) return null;
  return clock.paused ? clock.now : clock.now + (Date.now() - receivedAt) * clock.speed;
}
