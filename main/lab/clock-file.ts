/**
 * The lab clock of a lab that lives in the data folder (the demo lab the app starts with), kept
 * across restarts in `clock.json`: a lab jumped a week ahead must not come back a week earlier,
 * where the certificates it made since are "not valid before" and every EMCC login fails with
 * 208. A running clock never goes back behind the wall clock either: time passed while the app
 * was closed, as it does for a real cluster.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LabClock } from '../clock/lab-clock';

const CLOCK_FILE = 'clock.json';
/** How often (real time) a running clock's time is written, besides every change of speed, pause or jump. */
export const CLOCK_SAVE_MS = 10_000;

const Saved = z.object({ now: z.number().finite().min(0), speed: z.number().min(0.1).max(100_000), paused: z.boolean() });

/** The clock saved in `dataDir`, or a new one at the wall clock's time when there is none (or it cannot be read). */
export function readLabClock(dataDir: string, wallNow = Date.now()): LabClock {
  let saved: z.infer<typeof Saved> | undefined;
  try {
    const parsed = Saved.safeParse(JSON.parse(readFileSync(path.join(dataDir, CLOCK_FILE), 'utf8')));
    if (parsed.success) saved = parsed.data;
  } catch {
    // no clock saved yet
  }
  if (!saved) return new LabClock();
  return new LabClock({ start: saved.paused ? saved.now : Math.max(saved.now, wallNow), speed: saved.speed, paused: saved.paused });
}

/** Keep writing `clock`'s state to `dataDir` (on every change and every CLOCK_SAVE_MS); returns the function that writes it a last time and stops. */
export function keepLabClock(clock: LabClock, dataDir: string): () => void {
  const file = path.join(dataDir, CLOCK_FILE);
  const save = () => {
    try {
      writeFileSync(file, JSON.stringify({ now: clock.now(), speed: clock.speed, paused: clock.paused }));
    } catch {
      // a read-only data folder: the clock starts from the wall clock next time
    }
  };
  save();
  const off = clock.onChange(save);
  const timer = setInterval(save, CLOCK_SAVE_MS);
  timer.unref();
  return () => {
    save();
    off();
    clearInterval(timer);
  };
}
