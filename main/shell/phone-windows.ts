/**
 * The phone windows of the desktop app: which are open, opening, closing and tiling them, and
 * remembering each one's place and whether it was open (window-state.ts). The windows themselves
 * are made by a `WindowHost` (electron-main.ts wraps BrowserWindow in one; tests give a fake), so
 * every rule here runs under Node:
 *
 * - at start and when another lab opens, a phone's window opens if it was open last time; a
 *   phone never seen before gets one if the lab is small (AUTO_OPEN_PHONES), else the lab
 *   window's phone grid shows it until the user opens it;
 * - a window the user closes stays closed (next start too); windows the app closes itself
 *   (quitting, another lab replacing this one) do not count as closed by the user;
 * - a phone deleted from the lab loses its window.
 */
import { AUTO_OPEN_PHONES } from '../../shared/phone-models';
import type { PhoneWindows } from '../../shared/api/shell-contract';
import type { RequestHandlers } from '../../shared/api/contract';
import { ApiError, type ShellRequestName } from '../lab/lab-api';
import { phoneWindowSize, phoneWindowTitle, tileLayout } from './phone-window';
import type { Rect, WindowStateStore } from './window-state';

/** One open window, as the manager needs it. */
export interface HostWindow {
  close(): void;
  focus(): void;
  /** Content bounds (the page's area), so a phone's size does not depend on the window frame. */
  setBounds(bounds: Rect): void;
}

export interface PhoneWindowSpec {
  deviceName: string;
  title: string;
  /** Content size. */
  size: { width: number; height: number };
  /** Where it was last time (content bounds, already on a visible screen), if remembered. */
  bounds?: Rect;
}

export interface WindowHost {
  /**
   * Open a phone's window. `closed` is called once it has closed (with its last content bounds);
   * `moved` whenever the user moves or resizes it.
   */
  openPhone(spec: PhoneWindowSpec, events: { closed(bounds?: Rect): void; moved(bounds: Rect): void }): HostWindow;
  /** The screens' work areas, the primary screen's first. */
  workAreas(): Rect[];
}

export interface LabPhone {
  deviceName: string;
  model: string;
}

export class PhoneWindowManager {
  /** The open windows, in the order they opened. */
  private readonly windows = new Map<string, HostWindow>();
  /** Windows being closed by the app rather than the user. */
  private readonly closingQuietly = new Set<HostWindow>();
  private phones = new Map<string, LabPhone>();
  private quitting = false;

  constructor(
    private readonly host: WindowHost,
    private readonly state: WindowStateStore,
    /** Told whenever a window opens or closes (the lab window lists them). */
    private readonly onChange: (windows: PhoneWindows) => void = () => undefined,
  ) {}

  /** The phones whose windows are open. */
  list(): PhoneWindows {
    return { open: [...this.windows.keys()] };
  }

  /** Another lab is open (or the first): its phones get the windows they should have. */
  setLab(phones: readonly LabPhone[]): void {
    for (const w of [...this.windows.values()]) this.closeQuietly(w);
    this.phones = new Map(phones.map((p) => [p.deviceName, p]));
    for (const p of phones) if (this.shouldOpen(p.deviceName)) this.openWindow(p);
  }

  /** The lab's phones changed (a phone added or deleted in its administration). */
  syncPhones(phones: readonly LabPhone[]): void {
    const next = new Map(phones.map((p) => [p.deviceName, p]));
    for (const [name, w] of [...this.windows]) if (!next.has(name)) this.closeQuietly(w);
    const added = phones.filter((p) => !this.phones.has(p.deviceName));
    this.phones = next;
    for (const p of added) if (this.shouldOpen(p.deviceName)) this.openWindow(p);
  }

  /** Open (and bring forward) or close one phone's window. */
  show(deviceName: string, open: boolean): PhoneWindows {
    const phone = this.phones.get(deviceName);
    if (!phone) throw new ApiError(`no phone named ${deviceName}`);
    const win = this.windows.get(deviceName);
    if (open) {
      if (win) win.focus();
      else this.openWindow(phone);
    } else if (win) {
      this.state.remember(deviceName, { open: false });
      win.close();
    }
    return this.list();
  }

  /** Open or close every phone's window. */
  showAll(open: boolean): PhoneWindows {
    for (const name of this.phones.keys()) {
      if (open !== this.windows.has(name)) this.show(name, open);
      else this.state.remember(name, { open });
    }
    return this.list();
  }

  /** Arrange the open windows side by side on the primary screen, in the order of the lab's phones. */
  tile(): PhoneWindows {
    const open = [...this.phones.values()].filter((p) => this.windows.has(p.deviceName));
    const area = this.host.workAreas()[0];
    if (!area) return this.list();
    const places = tileLayout(open.map((p) => phoneWindowSize(p.model)), area);
    open.forEach((p, i) => {
      this.windows.get(p.deviceName)!.setBounds(places[i]!);
      this.state.remember(p.deviceName, { bounds: places[i]! });
    });
    return this.list();
  }

  /** The app is quitting: the windows it closes now stay open for the next start. */
  quit(): void {
    this.quitting = true;
    this.state.flush();
  }

  /** The requests of the lab window about phone windows (shared/api/shell-contract.ts). */
  handlers(): Pick<RequestHandlers, ShellRequestName> {
    return {
      'shell.phoneWindows': () => this.list(),
      'shell.showPhone': ({ deviceName, open }) => this.show(deviceName, open),
      'shell.showAllPhones': ({ open }) => this.showAll(open),
      'shell.tilePhones': () => this.tile(),
    };
  }

  private shouldOpen(deviceName: string): boolean {
    return this.state.phone(deviceName)?.open ?? this.phones.size <= AUTO_OPEN_PHONES;
  }

  private openWindow(phone: LabPhone): void {
    const { deviceName, model } = phone;
    const bounds = this.state.boundsFor(deviceName, this.host.workAreas());
    const spec: PhoneWindowSpec = { deviceName, title: phoneWindowTitle(deviceName, model), size: phoneWindowSize(model), ...(bounds ? { bounds } : {}) };
    const win = this.host.openPhone(spec, {
      closed: (last) => {
        const byUser = !this.quitting && !this.closingQuietly.delete(win);
        if (this.windows.get(deviceName) === win) this.windows.delete(deviceName);
        if (byUser) this.state.remember(deviceName, { open: false, ...(last ? { bounds: last } : {}) });
        else if (last) this.state.remember(deviceName, { bounds: last });
        this.onChange(this.list());
      },
      moved: (b) => this.state.remember(deviceName, { bounds: b }),
    });
    this.windows.set(deviceName, win);
    // Open now, so open at the next start unless the user closes it.
    this.state.remember(deviceName, { open: true });
    this.onChange(this.list());
  }

  private closeQuietly(win: HostWindow): void {
    this.closingQuietly.add(win);
    // Gone from the list at once: Electron reports the close later, when a new lab's window of
    // the same phone may already be open.
    for (const [name, w] of this.windows) if (w === win) this.windows.delete(name);
    win.close();
  }
}
