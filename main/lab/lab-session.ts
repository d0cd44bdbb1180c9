/**
 * The open lab of a running app, and what replaces it: File > New (the demo lab, or two clusters
 * as just installed), File > Open (a lab file, by path or by its text), a scenario's lab. Each lab
 * opened from a file or made new works in a folder of its own under the data folder's `open/`
 * (removed when another lab replaces it, and at start for any a crash left behind); the demo lab
 * the app starts with keeps its databases in the data folder itself, so it survives restarts.
 *
 * A lab file that is refused leaves the open lab exactly as it was: the new lab is built aside
 * and only replaces the open one once it is up.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { CurrentLab, FileProblem, RecentFile } from '../../shared/api/file-contract';
import { LAB_FILE_EXTENSION, LAB_FILE_MAX_BYTES } from '../../shared/lab-file';
import { keepLabClock, readLabClock } from './clock-file';
import { DEMO_LAB, FRESH_LAB } from './demo-lab';
import { Lab } from './lab';
import type { KeySource } from '../cluster/pki/key-source';
import { exportLabFile, LabFileError, openLabFile, parseLabFile } from './lab-file';

/** How many recently opened files File > Recent lists. */
export const RECENT_KEPT = 10;

type LabKind = CurrentLab['kind'];

export type Opened = { ok: true; lab: CurrentLab } | { ok: false; errors: FileProblem[] };

const RecentList = z.array(z.object({ path: z.string().max(4096), name: z.string().max(255), openedAt: z.number() })).max(100);

export interface SessionOptions {
  /** The app's data folder. */
  dataDir: string;
  /** What to open first: the demo lab, two fresh clusters, or a lab file. */
  initial: 'demo' | 'empty' | { path: string };
  /** Where certificate keys come from (tests pass a pool). */
  keys?: KeySource;
}

/** A lab file's name without its folder and extension. */
export function labNameOf(fileName: string): string {
  const base = path.basename(fileName);
  return base.endsWith(LAB_FILE_EXTENSION) ? base.slice(0, -LAB_FILE_EXTENSION.length) : base;
}

export class LabSession {
  private current: Lab;
  private kind: LabKind;
  private name: string;
  private filePath: string | null;
  /** The working folder of the open lab when it is one of `open/` (removed when replaced). */
  private workDir: string | null;
  private readonly listeners = new Set<(lab: Lab, current: CurrentLab) => void>();
  /** Stops keeping the data folder's lab clock (set while that lab, the one the app started with, is open). */
  private stopClockFile: (() => void) | undefined;
  /** Opening or saving one at a time: a second File > Open waits for the first. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly dataDir: string,
    private readonly keys: KeySource | undefined,
    lab: Lab,
    kind: LabKind,
    name: string,
    filePath: string | null,
    workDir: string | null,
  ) {
    this.current = lab;
    this.kind = kind;
    this.name = name;
    this.filePath = filePath;
    this.workDir = workDir;
  }

  /** Open the first lab; a lab file that cannot be opened is an error (the command line says which field). */
  static async open(options: SessionOptions): Promise<LabSession> {
    const dataDir = path.resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    // Working folders a crash left behind hold nothing the user saved.
    rmSync(path.join(dataDir, 'open'), { recursive: true, force: true });
    const { initial, keys } = options;
    const withKeys = keys ? { keys } : {};
    if (initial === 'demo') {
      const clock = readLabClock(dataDir);
      const session = new LabSession(dataDir, keys, await Lab.open({ dataDir, clusters: DEMO_LAB, exchangeCertificates: true, clock, ...withKeys }), 'demo', 'Demo lab', null, null);
      session.stopClockFile = keepLabClock(clock, dataDir);
      return session;
    }
    if (initial === 'empty') {
      const work = workFolder(dataDir);
      return new LabSession(dataDir, keys, await Lab.open({ dataDir: work, clusters: FRESH_LAB, ...withKeys }), 'empty', 'New lab', null, work);
    }
    const file = path.resolve(initial.path);
    const parsed = parseLabFile(readLabText(file));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
    const work = workFolder(dataDir);
    const lab = await openLabFile(parsed.file, work, withKeys);
    const session = new LabSession(dataDir, keys, lab, 'file', labNameOf(file), file, work);
    session.remember(file);
    return session;
  }

  /** Where certificate keys come from, for labs opened for this session elsewhere (a scenario's). */
  get keySource(): KeySource | undefined {
    return this.keys;
  }

  private get withKeys(): { keys?: KeySource } {
    return this.keys ? { keys: this.keys } : {};
  }

  /** The open lab. */
  get lab(): Lab {
    return this.current;
  }

  info(): CurrentLab {
    return { kind: this.kind, name: this.name, path: this.filePath, recent: this.recent() };
  }

  /** Called after another lab replaced the open one. */
  onReplaced(listener: (lab: Lab, current: CurrentLab) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** File > New. */
  newLab(kind: 'demo' | 'empty'): Promise<Opened> {
    return this.serial(async () => {
      const work = workFolder(this.dataDir);
      const lab = await Lab.open({ dataDir: work, clusters: kind === 'demo' ? DEMO_LAB : FRESH_LAB, exchangeCertificates: kind === 'demo', ...this.withKeys });
      await this.replace(lab, kind, kind === 'demo' ? 'Demo lab' : 'New lab', null, work);
      return { ok: true as const, lab: this.info() };
    });
  }

  /** File > Open / Recent / a dropped file: by path (desktop) or by the file's text (browser mode). */
  openFile(source: { path: string } | { text: string; fileName?: string }): Promise<Opened> {
    return this.serial(async () => {
      let text: string;
      const where = 'path' in source ? path.resolve(source.path) : null;
      if (where !== null) {
        try {
          text = readLabText(where);
        } catch (e) {
          return refused('path', e instanceof Error ? e.message : String(e));
        }
      } else {
        text = (source as { text: string }).text;
      }
      const parsed = parseLabFile(text);
      if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
      return this.openParsed(parsed.file, where ?? (source as { fileName?: string }).fileName ?? parsed.file.name, where);
    });
  }

  /** Open an already validated lab file (a scenario's lab). */
  openLab(file: Parameters<typeof openLabFile>[0], name: string): Promise<Opened> {
    return this.serial(() => this.openParsed(file, name, null));
  }

  /** Replace the open lab with one opened elsewhere (a scenario's lab, built by its runner in `workFolder()`). */
  adopt(lab: Lab, name: string, work: string): Promise<void> {
    return this.serial(() => this.replace(lab, 'scenario', name, null, work));
  }

  /** A new working folder under the data folder, for a lab about to be opened. */
  workFolder(): string {
    return workFolder(this.dataDir);
  }

  private async openParsed(file: Parameters<typeof openLabFile>[0], name: string, where: string | null): Promise<Opened> {
    const work = workFolder(this.dataDir);
    let lab: Lab;
    try {
      lab = await openLabFile(file, work, this.withKeys);
    } catch (e) {
      rmSync(work, { recursive: true, force: true });
      if (e instanceof LabFileError) return { ok: false as const, errors: e.problems };
      return refused('clusters', e instanceof Error ? e.message : String(e));
    }
    await this.replace(lab, 'file', labNameOf(name), where, work);
    if (where) this.remember(where);
    return { ok: true as const, lab: this.info() };
  }

  /**
   * File > Save / Save As: the open lab as a lab file, written to `target` (or the lab's own
   * file for Save); with neither, or with `download`, only its text (the window saves it).
   */
  save(target?: string, download = false): Promise<{ fileName: string; path: string | null; text: string | null }> {
    return this.serial(async () => {
      const where = download ? null : target ? path.resolve(target.endsWith(LAB_FILE_EXTENSION) ? target : `${target}${LAB_FILE_EXTENSION}`) : this.filePath;
      const name = where ? labNameOf(where) : this.name;
      const text = `${JSON.stringify(exportLabFile(this.current, name), null, 2)}\n`;
      if (!where) return { fileName: `${safeFileName(name)}${LAB_FILE_EXTENSION}`, path: null, text };
      writeFileSync(where, text);
      this.filePath = where;
      this.kind = 'file';
      this.name = name;
      this.remember(where);
      return { fileName: path.basename(where), path: where, text: null };
    });
  }

  /** Close the open lab (the app is quitting). */
  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    this.stopClockFile?.();
    await this.current.close();
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true });
  }

  private async replace(lab: Lab, kind: LabKind, name: string, filePath: string | null, work: string | null): Promise<void> {
    this.stopClockFile?.();
    this.stopClockFile = undefined;
    const old = this.current;
    const oldWork = this.workDir;
    this.current = lab;
    this.kind = kind;
    this.name = name;
    this.filePath = filePath;
    this.workDir = work;
    const info = this.info();
    for (const l of this.listeners) l(lab, info);
    await old.close();
    if (oldWork) rmSync(oldWork, { recursive: true, force: true });
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private get recentFile(): string {
    return path.join(this.dataDir, 'recent.json');
  }

  /** File > Recent: newest first, files that still exist. */
  recent(): RecentFile[] {
    try {
      const parsed = RecentList.safeParse(JSON.parse(readFileSync(this.recentFile, 'utf8')));
      return parsed.success ? parsed.data.filter((r) => existsSync(r.path)) : [];
    } catch {
      return [];
    }
  }

  private remember(file: string): void {
    const list = [{ path: file, name: labNameOf(file), openedAt: Date.now() }, ...this.recent().filter((r) => r.path !== file)].slice(0, RECENT_KEPT);
    try {
      writeFileSync(this.recentFile, JSON.stringify(list, null, 2));
    } catch {
      // A read-only data folder: the list is simply not kept.
    }
  }
}

function refused(field: string, message: string): Opened {
  return { ok: false, errors: [{ field, message }] };
}

function workFolder(dataDir: string): string {
  const dir = path.join(dataDir, 'open', `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A lab file's text from disk, refusing what is too big to be one before reading it. */
function readLabText(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new Error(`cannot read ${file}`);
  }
  if (size > LAB_FILE_MAX_BYTES) throw new Error(`the file is ${Math.round(size / 1048576)} MiB; a lab file is at most ${LAB_FILE_MAX_BYTES / 1048576} MiB`);
  return readFileSync(file, 'utf8');
}

/** A lab name as a file name: no folder separators or characters file systems refuse. */
function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 100) || 'lab';
}
