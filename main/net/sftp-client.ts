/**
 * The SFTP client of Bulk Certificate Management: what a cluster's export, consolidate and
 * import jobs do on the configured SFTP server (put, get, list and remove files in one
 * directory). Every failure comes out as an SftpError with a kind the jobs can act on and a
 * message an administrator can read; no message ever contains the password.
 */
import { SSH_ALGORITHMS } from './ssh-algorithms';
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import ssh2 from 'ssh2';
import type { FileEntryWithStats, SFTPWrapper } from 'ssh2';

const { Client, utils } = ssh2;
const STATUS = utils.sftp.STATUS_CODE;

/** Default time allowed for the SSH handshake and for each operation. */
export const DEFAULT_SFTP_TIMEOUT_MS = 10_000;
/** Largest file get() accepts, the same limit as the lab's server. */
const MAX_GET_BYTES = 16 * 1024 * 1024;

/** What went wrong, in terms a certificate job can act on. */
export type SftpErrorKind = 'unreachable' | 'auth' | 'timeout' | 'not-found' | 'io';

/** An SFTP failure; the message names the server, user and file but never the password. */
export class SftpError extends Error {
  constructor(readonly kind: SftpErrorKind, message: string) {
    super(message);
    this.name = 'SftpError';
  }
}

/** The SFTP settings of a certificate job, as configured. */
export interface SftpSettings {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Directory on the server holding the files; created if missing. */
  directory: string;
}

/** How to reach the server. */
export interface SftpSessionOptions {
  /** Maps a configured host and port to where to really connect (default: as configured). */
  connect?: (host: string, port: number) => { host: string; port: number };
  /** Handshake and per-operation timeout; default DEFAULT_SFTP_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** One file of the directory, as list() shows it. */
export interface SftpFileInfo {
  name: string;
  size: number;
  /** Modification time, ms since the epoch. */
  modifiedAt: number;
}

/** An open SFTP connection working in one directory. */
export interface SftpSession {
  /** Fingerprint of the server's host key, OpenSSH style ("SHA256:…"). */
  readonly hostKeySha256: string;
  put(name: string, data: Buffer): Promise<void>;
  get(name: string): Promise<Buffer>;
  list(): Promise<SftpFileInfo[]>;
  remove(name: string): Promise<void>;
  close(): void;
}

/** Connects, logs in with the password, and makes sure the directory exists. */
export async function sftpSession(settings: SftpSettings, options: SftpSessionOptions = {}): Promise<SftpSession> {
  const where = `${settings.host}:${settings.port}`;
  const target = (options.connect ?? ((host, port) => ({ host, port })))(settings.host, settings.port);
  const timeoutMs = options.timeoutMs ?? DEFAULT_SFTP_TIMEOUT_MS;
  const dir = settings.directory === '' ? '.' : posix.normalize(settings.directory).replace(/(?<=.)\/+$/, '');
  const conn = new Client();
  let hostKeySha256 = '';
  let closed = false;

  const sftp = await new Promise<SFTPWrapper>((resolve, reject) => {
    const fail = (error: SftpError): void => {
      reject(error);
      conn.end();
    };
    // ssh2 may emit more than one error (e.g. a timeout, then the lost connection): the first
    // one settles, and the listener stays so the others are not thrown.
    conn.on('error', (err: Error & { level?: string; code?: string }) => fail(connectError(err, settings.user, where, timeoutMs)));
    conn.once('close', () => fail(new SftpError('unreachable', `SFTP server ${where} closed the connection`)));
    conn.once('ready', () => conn.sftp((err, channel) => {
      if (err) fail(new SftpError('io', `SFTP server ${where} refused the SFTP subsystem: ${err.message}`));
      else resolve(channel);
    }));
    conn.connect({
      host: target.host,
      port: target.port,
      username: settings.user,
      password: settings.password,
      authHandler: ['password'],
      readyTimeout: timeoutMs,
      algorithms: { cipher: [...SSH_ALGORITHMS.cipher], hmac: [...SSH_ALGORITHMS.hmac] },
      // Any host key is accepted: the lab's SFTP servers make a new key at each start, so there
      // is nothing to pin. The fingerprint is kept so the lab can show it.
      hostVerifier: (key: Buffer) => {
        hostKeySha256 = `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
        return true;
      },
    });
  });
  conn.removeAllListeners('error').removeAllListeners('close');
  conn.on('error', () => undefined);
  conn.on('close', () => { closed = true; });
  sftp.on('close', () => { closed = true; });

  /** Runs one SFTP call with the timeout; a closed connection or a timeout ends the session. */
  const call = <T>(what: string, start: (done: (err: Error | null | undefined, value?: T) => void) => void,
    onError: (err: Error) => SftpError): Promise<T> => new Promise<T>((resolve, reject) => {
    if (closed) return reject(new SftpError('io', `SFTP connection to ${where} is closed`));
    const timer = setTimeout(() => {
      reject(new SftpError('timeout', `SFTP server ${where} did not answer ${what} within ${timeoutMs / 1000} s`));
      conn.end();
    }, timeoutMs);
    start((err, value) => {
      clearTimeout(timer);
      if (!err) resolve(value as T);
      else if (closed) reject(new SftpError('io', `SFTP connection to ${where} was closed during ${what}`));
      else reject(onError(err));
    });
  });
  const ioError = (what: string) => (err: Error) => new SftpError('io', `SFTP ${what} on ${where} failed: ${err.message}`);
  const fileError = (name: string, what: string) => (err: Error) =>
    statusOf(err) === STATUS.NO_SUCH_FILE ? new SftpError('not-found', `no file ${name} in ${dir}`) : ioError(what)(err);

  // mkdir -p: create each missing directory of the path, tolerating a concurrent creation.
  const segments = dir.split('/').filter((s) => s !== '' && s !== '.');
  let current = dir.startsWith('/') ? '/' : '.';
  try {
    for (const segment of segments) {
      current = posix.join(current, segment);
      const path = current;
      const isDir = (): Promise<boolean | null> => call<boolean | null>(`stat ${path}`,
        (done) => sftp.stat(path, (err, stats) => (statusOf(err) === STATUS.NO_SUCH_FILE ? done(undefined, null) : done(err, stats?.isDirectory()))),
        ioError(`stat of ${path}`));
      let exists = await isDir();
      if (exists === null) {
        try {
          await call<void>(`mkdir ${path}`, (done) => sftp.mkdir(path, (err) => done(err)), ioError(`mkdir of ${path}`));
          exists = true;
        } catch (err) {
          exists = await isDir();
          if (exists === null) throw err;
        }
      }
      if (!exists) throw new SftpError('io', `${path} on ${where} is not a directory`);
    }
  } catch (err) {
    conn.end();
    throw err;
  }

  const pathOf = (name: string): string => {
    if (name === '' || name === '.' || name.includes('..') || /[\\/]/.test(name) || name.includes('\0')) {
      throw new SftpError('io', `not a plain file name: ${JSON.stringify(name)}`);
    }
    return posix.join(dir, name);
  };
  const checked = <T>(name: string, run: (path: string) => Promise<T>): Promise<T> => {
    try {
      return run(pathOf(name));
    } catch (err) {
      return Promise.reject(err);
    }
  };

  return {
    hostKeySha256,
    put: (name, data) => checked(name, async (path) => {
      try {
        await call<void>(`upload of ${name}`, (done) => sftp.writeFile(path, data, (err) => done(err)), ioError(`upload of ${name} to ${dir}`));
      } catch (err) {
        // Leave no partial file behind.
        if (!closed) sftp.unlink(path, () => undefined);
        throw err;
      }
    }),
    get: (name) => checked(name, async (path) => {
      const stats = await call<{ size: number }>(`stat of ${name}`, (done) => sftp.stat(path, done), fileError(name, `stat of ${name}`));
      if (stats.size > MAX_GET_BYTES) throw new SftpError('io', `${name} in ${dir} is larger than 16 MiB`);
      return call<Buffer>(`download of ${name}`, (done) => sftp.readFile(path, done), fileError(name, `download of ${name}`));
    }),
    list: async () => {
      const entries = await call<FileEntryWithStats[]>(`listing of ${dir}`, (done) => sftp.readdir(dir, done), ioError(`listing of ${dir}`));
      return entries
        .filter((entry) => entry.attrs.isFile())
        .map((entry) => ({ name: entry.filename, size: entry.attrs.size, modifiedAt: entry.attrs.mtime * 1000 }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },
    remove: (name) => checked(name, (path) =>
      call<void>(`removal of ${name}`, (done) => sftp.unlink(path, (err) => done(err)), fileError(name, `removal of ${name}`))),
    close: () => {
      closed = true;
      conn.end();
    },
  };
}

/** The SFTP status code of a failed request, if the server sent one. */
function statusOf(err: Error | null | undefined): number | undefined {
  return (err as { code?: unknown } | null | undefined)?.code as number | undefined;
}

/** Turns an error before the session is ready into an SftpError. */
function connectError(err: Error & { level?: string; code?: string }, user: string, where: string, timeoutMs: number): SftpError {
  if (err.level === 'client-authentication') return new SftpError('auth', `SFTP login refused for user ${user} at ${where}`);
  if (err.level === 'client-timeout' || err.code === 'ETIMEDOUT') {
    return new SftpError('timeout', `SFTP server ${where} did not complete the SSH handshake within ${timeoutMs / 1000} s`);
  }
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'unknown host',
    EAI_AGAIN: 'unknown host',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
  };
  const reason = err.code ? reasons[err.code] : undefined;
  if (reason || err.level === 'client-socket') {
    return new SftpError('unreachable', `SFTP server ${where} unreachable (${reason ?? err.message})`);
  }
  return new SftpError('io', `SFTP connection to ${where} failed: ${err.message}`);
}
