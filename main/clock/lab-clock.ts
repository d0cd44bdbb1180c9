/**
 * The lab clock: the only source of time for clusters, phones and schedulers. It runs at real
 * speed, faster (x60, x3600), paused, or jumps forward firing every timer due on the way, in
 * order. Domain code asks it for `now()` and timers instead of reading the wall clock.
 */
import { outsideSpan } from '../net/trace-context';

export interface TimerHandle {
  readonly id: number;
}

/** The part of the clock that domain code needs. */
export interface Clock {
  now(): number;
  setTimer(delayMs: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle | undefined): void;
}

interface Timer {
  id: number;
  due: number;
  seq: number;
  fn: () => void;
}

/** How the clock reaches real time; tests pass their own. */
export interface WallTime {
  now(): number;
  wake(delayMs: number, fn: () => void): () => void;
}

const realWall: WallTime = {
  now: () => Date.now(),
  wake: (delayMs, fn) => {
    const t = setTimeout(fn, Math.max(0, Math.min(delayMs, 2 ** 31 - 1)));
    t.unref?.();
    return () => clearTimeout(t);
  },
};

export interface LabClockOptions {
  /** Lab time at start (ms since the epoch); defaults to the wall clock. */
  start?: number;
  speed?: number;
  paused?: boolean;
  wall?: WallTime;
}

/** A min-heap of timers ordered by due time, then by creation order. */
class TimerHeap {
  private items: Timer[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Timer | undefined {
    return this.items[0];
  }
  push(t: Timer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}

export class LabClock implements Clock {
  private readonly wall: WallTime;
  private anchorLab: number;
  private anchorWall: number;
  private speedFactor: number;
  private isPaused: boolean;
  private readonly heap = new TimerHeap();
  private readonly cancelled = new Set<number>();
  private nextId = 1;
  private seq = 0;
  private cancelWake: (() => void) | undefined;
  private firing = false;
  private readonly listeners = new Set<() => void>();

  constructor(options: LabClockOptions = {}) {
    this.wall = options.wall ?? realWall;
    this.anchorWall = this.wall.now();
    this.anchorLab = options.start ?? this.anchorWall;
    this.speedFactor = options.speed ?? 1;
    this.isPaused = options.paused ?? false;
  }

  now(): number {
    if (this.isPaused) return this.anchorLab;
    return this.anchorLab + (this.wall.now() - this.anchorWall) * this.speedFactor;
  }

  get speed(): number {
    return this.speedFactor;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** When the next timer is due (lab time), if any is pending. */
  nextDueAt(): number | undefined {
    for (let t = this.heap.peek(); t; t = this.heap.peek()) {
      if (!this.cancelled.has(t.id)) return t.due;
      this.heap.pop();
      this.cancelled.delete(t.id);
    }
    return undefined;
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.heap.size - this.cancelled.size;
  }

  setTimer(delayMs: number, fn: () => void): TimerHandle {
    const id = this.nextId++;
    this.heap.push({ id, due: this.now() + Math.max(0, delayMs), seq: this.seq++, fn });
    this.rearm();
    return { id };
  }

  clearTimer(handle: TimerHandle | undefined): void {
    if (handle) this.cancelled.add(handle.id);
  }

  /** Run at `speed` times real time (1 = real time). */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new RangeError('speed must be positive');
    this.reanchor();
    this.speedFactor = speed;
    this.changed();
  }

  pause(): void {
    this.reanchor();
    this.isPaused = true;
    this.changed();
  }

  resume(): void {
    this.reanchor();
    this.isPaused = false;
    this.changed();
  }

  /** Jump forward by `ms` of lab time, firing every timer due on the way, in order. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError('can only move forward');
    const target = this.now() + ms;
    this.fireUntil(target);
    this.reanchor(target);
    this.changed();
  }

  /** Called when speed, pause or a jump changes how time reads. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stop waking up; pending timers stay but no longer fire on their own. */
  dispose(): void {
    this.cancelWake?.();
    this.cancelWake = undefined;
    this.listeners.clear();
  }

  private changed(): void {
    this.rearm();
    for (const l of this.listeners) l();
  }

  private reanchor(lab = this.now()): void {
    this.anchorLab = lab;
    this.anchorWall = this.wall.now();
  }

  /** Fire due timers up to `target`, with now() reading each timer's due time while it runs. */
  private fireUntil(target: number): void {
    if (this.firing) return;
    this.firing = true;
    const wasPaused = this.isPaused;
    try {
      for (let t = this.heap.peek(); t && t.due <= target; t = this.heap.peek()) {
        this.heap.pop();
        if (this.cancelled.delete(t.id)) continue;
        // While a timer runs, time reads as its due time (held still), so it sees the lab as it
        // was at that instant and timers it sets land at the right place.
        this.isPaused = true;
        this.anchorLab = Math.max(this.anchorLab, t.due);
        // Outside any login attempt's span: the real timer that woke the clock was armed by
        // whoever set the earliest timer last, so its span says nothing about this timer (a
        // reset notification, another phone's timer) and must not leak into it.
        outsideSpan(t.fn);
      }
    } finally {
      this.isPaused = wasPaused;
      this.firing = false;
    }
  }

  private rearm(): void {
    this.cancelWake?.();
    this.cancelWake = undefined;
    if (this.isPaused || this.firing) return;
    const next = this.heap.peek();
    if (!next) return;
    const delay = (next.due - this.now()) / this.speedFactor;
    this.cancelWake = this.wall.wake(delay, () => {
      this.cancelWake = undefined;
      const now = this.now();
      this.fireUntil(now);
      this.reanchor(Math.max(now, this.anchorLab));
      this.rearm();
    });
  }
}
