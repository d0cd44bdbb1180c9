/**
 * What each application-menu command does in the desktop app. Lab and file commands go through
 * the same `dispatch` as the windows' requests (validated against the contract, never throwing),
 * window commands to the phone windows, and the lab window's own commands (its views, the
 * troubleshooter, About, the guide) to the lab window. The dialogs and windows are given by
 * electron-main.ts, fakes in tests.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandlers } from '../../shared/api/contract';
import type { FileProblem } from '../../shared/api/file-contract';
import { menuText } from '../../shared/i18n/menu-text';
import type { Locale } from '../../shared/i18n/messages';
import { LAB_FILE_EXTENSION, LAB_FILE_MAX_BYTES } from '../../shared/lab-file';
import { isLabWindowCommand, JUMPS, type LabWindowCommand, type MenuCommand } from '../../shared/menu-commands';
import { SCENARIO_EXTENSION } from '../../shared/scenario';
import { dispatch } from '../lab/lab-api';

export interface ShellDialogs {
  /** File > Open: the lab or scenario file the user picked, or undefined if they cancelled. */
  chooseFileToOpen(): Promise<string | undefined>;
  /** File > Save As: where to save, or undefined if they cancelled. */
  chooseSaveTarget(defaultName: string): Promise<string | undefined>;
  error(message: string, detail: string): void;
  info(message: string): void;
}

export interface MenuActionDeps {
  /** The app's API: the session's requests and the shell's own. */
  handlers: Partial<RequestHandlers>;
  dialogs: ShellDialogs;
  /** Bring the lab window forward and have it carry out one of its commands. */
  toLabWindow(command: LabWindowCommand): void;
  /** Open (or bring forward) a cluster's administration window. */
  openAdmin(cluster: string): void;
  locale(): Locale;
}

/** A refusal as a dialog shows it: one line per field at fault. */
export function problemsText(problems: readonly FileProblem[]): string {
  return problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('\n');
}

/** Carry out one command. Never throws: a failure is shown in a dialog. */
export async function runMenuCommand(command: MenuCommand, deps: MenuActionDeps): Promise<void> {
  const t = (key: string, params?: Record<string, string | number>) => menuText(deps.locale(), key, params);
  const call = async <T>(name: string, payload: unknown, what: string): Promise<T | undefined> => {
    const r = await dispatch(deps.handlers, name, payload);
    if (r.ok) return r.result as T;
    deps.dialogs.error(t('dialog.failed', { what, error: r.error }), '');
    return undefined;
  };
  const opened = (result: { ok: boolean; errors?: FileProblem[] } | undefined) => {
    if (result && !result.ok) deps.dialogs.error(t('dialog.refused'), problemsText(result.errors ?? []));
  };
  const label = (key: string) => t(key).replace(/…$/, '');

  const saveAs = async (defaultName: string) => {
    const target = await deps.dialogs.chooseSaveTarget(defaultName);
    if (target) await call('file.save', { path: target }, label('command.file.saveAs'));
  };

  if (isLabWindowCommand(command.id)) {
    deps.toLabWindow(command.id);
    return;
  }
  switch (command.id) {
    case 'file.newDemo':
    case 'file.newEmpty':
      opened(await call('file.new', { kind: command.id === 'file.newDemo' ? 'demo' : 'empty' }, label(`command.${command.id}`)));
      return;
    case 'file.open': {
      const file = await deps.dialogs.chooseFileToOpen();
      if (!file) return;
      if (file.endsWith(SCENARIO_EXTENSION)) {
        const text = readSmallFile(file);
        if (typeof text !== 'string') opened({ ok: false, errors: [text] });
        else opened(await call('scenario.open', { text, fileName: path.basename(file) }, label('command.file.open')));
        return;
      }
      opened(await call('file.open', { path: file }, label('command.file.open')));
      return;
    }
    case 'file.openRecent':
      opened(await call('file.open', { path: command.path }, label('command.file.open')));
      return;
    case 'file.save': {
      const saved = await call<{ fileName: string; text: string | null }>('file.save', {}, label('command.file.save'));
      // A lab that came from no file (the demo lab, a new one) is saved where the user chooses.
      if (saved && saved.text !== null) await saveAs(saved.fileName);
      return;
    }
    case 'file.saveAs': {
      const current = await call<{ name: string }>('file.current', {}, label('command.file.saveAs'));
      if (current) await saveAs(`${current.name}${LAB_FILE_EXTENSION}`);
      return;
    }
    case 'lab.toggleClock': {
      const snap = await call<{ clock: { paused: boolean } }>('lab.snapshot', {}, label('command.lab.toggleClock'));
      if (snap) await call('lab.setClock', { paused: !snap.clock.paused }, label('command.lab.toggleClock'));
      return;
    }
    case 'lab.jump1h':
    case 'lab.jump1d':
      await call('lab.setClock', { advanceMs: JUMPS[command.id] }, label(`command.${command.id}`));
      return;
    case 'lab.updateRemoteClusters':
      if (await call('admin.updateRemoteClustersNow', { cluster: command.cluster }, label('updateRemoteClusters'))) {
        deps.dialogs.info(t('dialog.updated', { cluster: command.cluster }));
      }
      return;
    case 'window.tilePhones':
      await call('shell.tilePhones', {}, label('command.window.tilePhones'));
      return;
    case 'window.openAllPhones':
    case 'window.closeAllPhones':
      await call('shell.showAllPhones', { open: command.id === 'window.openAllPhones' }, label(`command.${command.id}`));
      return;
    case 'window.phone':
      await call('shell.showPhone', { deviceName: command.deviceName, open: true }, command.deviceName);
      return;
    case 'window.admin':
      deps.openAdmin(command.cluster);
      return;
  }
}

/** A scenario file's text, or why it is not read (too big to be one, unreadable). */
function readSmallFile(file: string): string | FileProblem {
  try {
    const size = statSync(file).size;
    if (size > LAB_FILE_MAX_BYTES) return { field: 'path', message: `the file is ${Math.round(size / 1048576)} MiB; at most ${LAB_FILE_MAX_BYTES / 1048576} MiB` };
    return readFileSync(file, 'utf8');
  } catch {
    return { field: 'path', message: `cannot read ${file}` };
  }
}
