/**
 * Where each phone window was, and whether it was open, remembered across restarts in a JSON file
 * of the app's user-data folder, per device name. The file is ours but still read as untrusted
 * (a hand edit, a half-written file, another version's format): anything that does not match the
 * schema is dropped and the windows start where they would the first time. Remembered bounds are
 * clamped to the screens there are now, so a window saved on a monitor since unplugged comes back
 * where it can be seen.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DeviceName } from '../../shared/api/device-name';
import { parseJsonFile } from '../files/json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A lab has at most 60,000 phones (the guide's limit with EMCC devices): more entries is not our file. */
const MAX_REMEMBERED = 60_000;
const MAX_FILE_BYTES = 16 * 1024 * 1024;

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);
const Bounds = z.object({ x: coordinate, y: coordinate, width: extent, height: extent }).strict();

const PhoneWindowState = z.object({ bounds: Bounds.optional(), open: z.boolean() }).strict();
type PhoneWindowState = z.infer<typeof PhoneWindowState>;

export const WindowStateFile = z.object({
  version: z.literal(1),
  phones: z.record(DeviceName, PhoneWindowState).refine((r) => Object.keys(r).length <= MAX_REMEMBERED, `at most ${MAX_REMEMBERED} phones`),
}).strict();
export type WindowStateFile = z.infer<typeof WindowStateFile>;

/** How much of a window must stay on a screen to count as visible (enough to grab its title bar). */
const MIN_VISIBLE = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * The bounds moved (and shrunk if need be) to lie inside the work area of the screen they overlap
 * most; the first work area (the primary screen's) when they overlap none enough to be grabbed.
 */
export function clampToDisplays(bounds: Rect, workAreas: readonly Rect[]): Rect {
  if (!workAreas.length) return bounds;
  let best = workAreas[0]!;
  let bestArea = -1;
  for (const wa of workAreas) {
    const o = overlap(bounds, wa);
    const visible = o.width >= Math.min(MIN_VISIBLE.width, bounds.width) && o.height >= Math.min(MIN_VISIBLE.height, bounds.height);
    const area = visible ? o.width * o.height : -1;
    if (area > bestArea) {
      best = wa;
      bestArea = area;
    }
  }
  const width = Math.min(bounds.width, best.width);
  const height = Math.min(bounds.height, best.height);
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  return {
    x: clamp(bounds.x, best.x, best.x + best.width - width),
    y: clamp(bounds.y, best.y, best.y + best.height - height),
    width,
    height,
  };
}

/** Reads and writes the file; tests give their own folder. */
export class WindowStateStore {
  private state: WindowStateFile;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Why the file was not read, when it was there but not ours (logged by the shell). */
  readonly problem: string | undefined;

  private constructor(private readonly file: string, state: WindowStateFile, problem?: string) {
    this.state = state;
    this.problem = problem;
  }

  /** The state kept in `file`, or a fresh one when there is none or it is not valid. */
  static load(file: string): WindowStateStore {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return new WindowStateStore(file, { version: 1, phones: {} });
    }
    const parsed = parseJsonFile(text, WindowStateFile, { maxBytes: MAX_FILE_BYTES, maxDepth: 8 });
    if (parsed.ok) return new WindowStateStore(file, parsed.value);
    const first = parsed.errors[0]!;
    return new WindowStateStore(file, { version: 1, phones: {} }, `${first.field ? `${first.field}: ` : ''}${first.message}`);
  }

  /** The remembered state of a phone's window. */
  phone(deviceName: string): Readonly<PhoneWindowState> | undefined {
    return Object.hasOwn(this.state.phones, deviceName) ? this.state.phones[deviceName] : undefined;
  }

  /** Where the phone's window goes on these screens: where it was, kept visible; undefined the first time. */
  boundsFor(deviceName: string, workAreas: readonly Rect[]): Rect | undefined {
    const b = this.phone(deviceName)?.bounds;
    return b ? clampToDisplays(b, workAreas) : undefined;
  }

  /** Note a phone window's bounds and/or whether it is open; written soon after (see flush). */
  remember(deviceName: string, change: { bounds?: Rect; open?: boolean }): void {
    if (!DeviceName.safeParse(deviceName).success) return;
    const was = this.phone(deviceName);
    const bounds = change.bounds ? Bounds.safeParse(roundRect(change.bounds)) : undefined;
    const next: PhoneWindowState = { open: change.open ?? was?.open ?? false, ...(bounds?.success ? { bounds: bounds.data } : was?.bounds ? { bounds: was.bounds } : {}) };
    if (!Object.hasOwn(this.state.phones, deviceName) && Object.keys(this.state.phones).length >= MAX_REMEMBERED) return;
    this.state.phones[deviceName] = next;
    this.dirty = true;
    // Moving a window reports many bounds a second: write once it settles, not on each.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), 500);
    this.timer.unref?.();
  }

  /** Write now what changed (the app calls it before quitting). Replaces the file in one rename. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(this.state)}\n`);
      renameSync(tmp, this.file);
    } catch {
      // A read-only profile: the windows are simply not remembered.
    }
  }
}

function roundRect(r: Rect): Rect {
  return { x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
}
