/**
 * The desktop app's phone windows without Electron: a fake window host records what the manager
 * (main/shell/phone-windows.ts) opens, moves and closes; the remembered state is a real file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PhoneWindowManager, type HostWindow, type PhoneWindowSpec, type WindowHost } from '../../../main/shell/phone-windows';
import { phoneWindowSize, phoneWindowTitle, tileLayout } from '../../../main/shell/phone-window';
import { clampToDisplays, WindowStateStore, type Rect } from '../../../main/shell/window-state';
import { AUTO_OPEN_PHONES, PHONE_FACE_SIZE } from '../../../shared/phone-models';

const SCREEN: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const DEMO = [
  { deviceName: 'SEP001122334455', model: '8845' },
  { deviceName: 'SEP00AA11BB22CC', model: '8845' },
  { deviceName: 'SEP00AA11BB33DD', model: '7965' },
];

/** A window host that keeps its windows in a list; closing one reports it closed, as Electron does. */
class FakeHost implements WindowHost {
  readonly open = new Map<string, { spec: PhoneWindowSpec; bounds: Rect; focused: number; closed: (b?: Rect) => void; moved: (b: Rect) => void }>();
  areas: Rect[] = [SCREEN];
  openPhone(spec: PhoneWindowSpec, events: { closed(b?: Rect): void; moved(b: Rect): void }): HostWindow {
    const w = { spec, bounds: spec.bounds ?? { x: 100, y: 100, ...spec.size }, focused: 0, ...events };
    this.open.set(spec.deviceName, w);
    return {
      close: () => {
        this.open.delete(spec.deviceName);
        w.closed(w.bounds);
      },
      focus: () => void w.focused++,
      setBounds: (b) => void (w.bounds = b),
    };
  }
  workAreas(): Rect[] {
    return this.areas;
  }
  /** The user closes a window with its close button. */
  userCloses(deviceName: string): void {
    const w = this.open.get(deviceName)!;
    this.open.delete(deviceName);
    w.closed(w.bounds);
  }
  /** The user drags a window. */
  userMoves(deviceName: string, bounds: Rect): void {
    const w = this.open.get(deviceName)!;
    w.bounds = bounds;
    w.moved(bounds);
  }
}

let dir: string;
let stateFile: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'emcc-windows-'));
  stateFile = path.join(dir, 'phone-windows.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(host = new FakeHost()) {
  const changes: string[][] = [];
  const state = WindowStateStore.load(stateFile);
  const manager = new PhoneWindowManager(host, state, (w) => changes.push(w.open));
  return { host, state, manager, changes };
}

describe('a phone window', () => {
  it('is sized like its phone and titled with its device name and model', () => {
    expect(phoneWindowTitle('SEP00AA11BB22CC', '8845')).toBe('SEP00AA11BB22CC (Cisco 8845)');
    expect(phoneWindowTitle('SEPX', 'XYZ')).toBe('SEPX (Cisco XYZ)');
    // The face plus the page's 16 px margin each side; the 7900 series is the smaller face.
    expect(phoneWindowSize('8845')).toEqual({ width: PHONE_FACE_SIZE.large.width + 32, height: PHONE_FACE_SIZE.large.height + 32 });
    expect(phoneWindowSize('7965')).toEqual({ width: PHONE_FACE_SIZE.compact.width + 32, height: PHONE_FACE_SIZE.compact.height + 32 });
    expect(phoneWindowSize('7965').width).toBeLessThan(phoneWindowSize('9971').width);
  });

  it('opens for every phone of a small lab at the first start, with its title and size', () => {
    const { host, manager, changes } = start();
    manager.setLab(DEMO);
    expect([...host.open.keys()]).toEqual(DEMO.map((p) => p.deviceName));
    expect(host.open.get('SEP00AA11BB33DD')!.spec).toMatchObject({ title: 'SEP00AA11BB33DD (Cisco 7965)', size: phoneWindowSize('7965') });
    expect(manager.list().open).toHaveLength(3);
    expect(changes.at(-1)).toEqual(DEMO.map((p) => p.deviceName));
  });

  it('does not open for the phones of a lab with hundreds of phones: the grid shows them until one is opened', () => {
    const { host, manager } = start();
    const many = Array.from({ length: 300 }, (_, i) => ({ deviceName: `SEP${String(i).padStart(12, '0')}`, model: '8845' }));
    manager.setLab(many);
    expect(host.open.size).toBe(0);
    expect(AUTO_OPEN_PHONES).toBeLessThan(many.length);
    manager.show(many[42]!.deviceName, true);
    expect([...host.open.keys()]).toEqual([many[42]!.deviceName]);
  });

  it('is brought forward, not opened twice, and closed on request; an unknown phone is refused', () => {
    const { host, manager } = start();
    manager.setLab(DEMO);
    manager.show('SEP00AA11BB22CC', true);
    expect(host.open.get('SEP00AA11BB22CC')!.focused).toBe(1);
    expect(host.open.size).toBe(3);
    expect(manager.show('SEP00AA11BB22CC', false).open).toEqual(['SEP001122334455', 'SEP00AA11BB33DD']);
    expect(() => manager.show('SEPNOSUCH', true)).toThrow('no phone named SEPNOSUCH');
  });

  it('opens and closes all at once', () => {
    const { host, manager } = start();
    manager.setLab(DEMO);
    expect(manager.showAll(false).open).toEqual([]);
    expect(host.open.size).toBe(0);
    expect(manager.showAll(true).open).toHaveLength(3);
  });
});

describe('remembered across restarts', () => {
  it('a window comes back where the user left it, and one the user closed stays closed', () => {
    const first = start();
    first.manager.setLab(DEMO);
    first.host.userMoves('SEP00AA11BB22CC', { x: 700, y: 40, width: 532, height: 656 });
    first.host.userCloses('SEP00AA11BB33DD');
    // Quitting closes the remaining windows: they were open, so they open again.
    first.manager.quit();
    for (const name of [...first.host.open.keys()]) first.host.userCloses(name);
    first.state.flush();

    const second = start();
    second.manager.setLab(DEMO);
    expect([...second.host.open.keys()]).toEqual(['SEP001122334455', 'SEP00AA11BB22CC']);
    expect(second.host.open.get('SEP00AA11BB22CC')!.spec.bounds).toEqual({ x: 700, y: 40, width: 532, height: 656 });
  });

  it('another lab replacing this one closes the old windows without forgetting that they were open', () => {
    const { host, manager, state } = start();
    manager.setLab(DEMO);
    manager.setLab(DEMO.slice(0, 2));
    expect([...host.open.keys()]).toEqual(['SEP001122334455', 'SEP00AA11BB22CC']);
    expect(state.phone('SEP00AA11BB33DD')?.open).not.toBe(false);
  });

  it('a phone deleted from the lab loses its window; a phone added gets one in a small lab', () => {
    const { host, manager } = start();
    manager.setLab(DEMO);
    manager.syncPhones([...DEMO.slice(1), { deviceName: 'SEPNEW000001', model: '7841' }]);
    expect([...host.open.keys()].sort()).toEqual(['SEP00AA11BB22CC', 'SEP00AA11BB33DD', 'SEPNEW000001']);
  });

  it('a window remembered on a screen since unplugged comes back onto the screen there is', () => {
    writeFileSync(stateFile, JSON.stringify({ version: 1, phones: { SEP00AA11BB22CC: { open: true, bounds: { x: 3000, y: 200, width: 532, height: 656 } } } }));
    const { host, manager } = start();
    manager.setLab(DEMO);
    expect(host.open.get('SEP00AA11BB22CC')!.spec.bounds).toEqual({ x: 1920 - 532, y: 200, width: 532, height: 656 });
  });

  it('a state file that is not ours is ignored (and replaced at the next save), never trusted', () => {
    for (const text of ['{not json', JSON.stringify({ version: 2, phones: {} }), JSON.stringify({ version: 1, phones: { '../x': { open: true } } }),
      JSON.stringify({ version: 1, phones: { SEP1: { open: 'yes' } } }), JSON.stringify({ version: 1, phones: { SEP1: { open: true, bounds: { x: 1e12, y: 0, width: 10, height: 10 } } } })]) {
      writeFileSync(stateFile, text);
      const store = WindowStateStore.load(stateFile);
      expect(store.problem, text).toBeTruthy();
      expect(store.phone('SEP1'), text).toBeUndefined();
    }
    const store = WindowStateStore.load(stateFile);
    store.remember('SEP1', { open: true, bounds: { x: 1.4, y: 2.6, width: 500, height: 600 } });
    store.flush();
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({ version: 1, phones: { SEP1: { open: true, bounds: { x: 1, y: 3, width: 500, height: 600 } } } });
  });
});

describe('visible on the screens there are', () => {
  const left: Rect = { x: -1280, y: 0, width: 1280, height: 1000 };
  it('keeps a window that is on a screen, moves one that is off every screen onto the primary one', () => {
    expect(clampToDisplays({ x: 50, y: 60, width: 532, height: 656 }, [SCREEN])).toEqual({ x: 50, y: 60, width: 532, height: 656 });
    expect(clampToDisplays({ x: -900, y: 10, width: 532, height: 656 }, [SCREEN, left])).toEqual({ x: -900, y: 10, width: 532, height: 656 });
    expect(clampToDisplays({ x: -900, y: 10, width: 532, height: 656 }, [SCREEN])).toEqual({ x: 0, y: 10, width: 532, height: 656 });
    expect(clampToDisplays({ x: 100, y: 5000, width: 532, height: 656 }, [SCREEN])).toEqual({ x: 100, y: 1040 - 656, width: 532, height: 656 });
  });

  it('shrinks a window bigger than the screen to fit it', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 4000, height: 3000 }, [SCREEN])).toEqual(SCREEN);
  });

  it('moves a window whose title bar only peeks onto a screen fully onto it', () => {
    expect(clampToDisplays({ x: 1900, y: 100, width: 532, height: 656 }, [SCREEN])).toEqual({ x: 1920 - 532, y: 100, width: 532, height: 656 });
  });
});

describe('Tile Phones', () => {
  it('puts the open windows side by side in rows across the primary screen, in the lab\'s order, without overlap', () => {
    const { host, manager } = start();
    manager.setLab(DEMO);
    manager.tile();
    const b = DEMO.map((p) => host.open.get(p.deviceName)!.bounds);
    expect(b[0]).toMatchObject({ x: 0, y: 0 });
    expect(b[1]!.x).toBe(b[0]!.x + b[0]!.width + 8);
    expect(b[2]!.x).toBe(b[1]!.x + b[1]!.width + 8);
    expect(b.map((r) => r.y)).toEqual([0, 0, 0]);
  });

  it('wraps to a new row, and for more windows than the screen holds starts a layer a step down and right', () => {
    const size = { width: 500, height: 500 };
    const places = tileLayout(Array.from({ length: 20 }, () => size), { x: 0, y: 0, width: 1100, height: 1100 });
    expect(places.slice(0, 4).map((r) => [r.x, r.y])).toEqual([[0, 0], [508, 0], [0, 508], [508, 508]]);
    expect(places[4]).toMatchObject({ x: 32, y: 32 });
    for (const r of places) {
      expect(r.x + r.width).toBeLessThanOrEqual(1100);
      expect(r.y + r.height).toBeLessThanOrEqual(1100);
    }
  });
});
