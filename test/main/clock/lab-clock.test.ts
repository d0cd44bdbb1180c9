import { describe, expect, it } from 'vitest';
import { LabClock, type WallTime } from '../../../main/clock/lab-clock';

/** A wall clock the test moves by hand; wake-ups are recorded, never scheduled for real. */
function manualWall(start = 0): WallTime & { t: number } {
  const w = { t: start, now: () => w.t, wake: () => () => undefined };
  return w;
}

describe('LabClock', () => {
  it('jumping forward fires every timer due on the way, in due order, with now() at each due time', () => {
    const clock = new LabClock({ start: 0, paused: true, wall: manualWall() });
    const fired: [string, number][] = [];
    clock.setTimer(300, () => fired.push(['c', clock.now()]));
    clock.setTimer(100, () => {
      fired.push(['a', clock.now()]);
      clock.setTimer(50, () => fired.push(['a+50', clock.now()]));
    });
    clock.setTimer(200, () => fired.push(['b', clock.now()]));
    clock.setTimer(5000, () => fired.push(['late', clock.now()]));
    clock.advance(1000);
    expect(fired).toEqual([['a', 100], ['a+50', 150], ['b', 200], ['c', 300]]);
    expect(clock.now()).toBe(1000);
    expect(clock.pending).toBe(1);
  });

  it('a cleared timer never fires', () => {
    const clock = new LabClock({ start: 0, paused: true, wall: manualWall() });
    let fired = false;
    const t = clock.setTimer(10, () => (fired = true));
    clock.clearTimer(t);
    clock.advance(100);
    expect(fired).toBe(false);
  });

  it('runs accelerated: at x60 one real second is one lab minute', () => {
    const wall = manualWall(1_000);
    const clock = new LabClock({ start: 0, wall });
    clock.setSpeed(60);
    wall.t += 1_000;
    expect(clock.now()).toBe(60_000);
  });

  it('stands still while paused and continues from the same instant on resume', () => {
    const wall = manualWall(0);
    const clock = new LabClock({ start: 500, wall });
    wall.t = 100;
    clock.pause();
    wall.t = 10_000;
    expect(clock.now()).toBe(600);
    clock.resume();
    wall.t = 10_050;
    expect(clock.now()).toBe(650);
  });

  it('refuses to move backwards or to run at a non-positive speed', () => {
    const clock = new LabClock({ paused: true, wall: manualWall() });
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.setSpeed(0)).toThrow(RangeError);
  });
});
