/**
 * The lab's embedded SFTP server, the target of Bulk Certificate Management: each simulated
 * cluster exports its certificates as a PKCS#12 file here, and imports the consolidated file
 * back. A real SSH server (ssh2) on loopback with a host key made at start, one user with a
 * password, and only the `sftp` subsystem. It serves one folder as the SFTP root `/`; no client
 * path ever resolves outside it, and no file grows beyond MAX_SFTP_FILE_BYTES.
 */
import { SSH_ALGORITHMS } from './ssh-algorithms';
import { createHash, generateKeyPairSync, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import ssh2 from 'ssh2';
import type { Attributes, Connection, FileEntry, SFTPWrapper } from 'ssh2';

const { Server, utils } = ssh2;
const STATUS = utils.sftp.STATUS_CODE;

/** Largest file the server stores; writes beyond it fail. */
export const MAX_SFTP_FILE_BYTES = 16 * 1024 * 1024;

/** Largest chunk answered to one READ request. */
const MAX_READ_CHUNK = 256 * 1024;
/** Password attempts allowed on one connection before it is dropped. */
const MAX_AUTH_FAILURES = 3;
/** Time a connection gets to log in before it is dropped. */
const LOGIN_DEADLINE_MS = 30_000;
/** Files and directories one SFTP channel may hold open at once. */
const MAX_OPEN_HANDLES = 64;

/** A started SFTP server: the loopback port it listens on, and how to stop it. */
export interface RunningSftpServer {
  readonly port: number;
  close(): Promise<void>;
}

/** What the server serves, and to whom. */
export interface SftpServerOptions {
  /** Folder served as the SFTP root `/`; created if missing. */
  root: string;
  user: string;
  password: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
}

/**
 * The local path for a client path, or null if it would leave `root`. Client paths are read as
 * relative to the SFTP root `/` (absolute or not); a `..` that climbs above `/` is refused, not
 * clamped, and backslashes count as separators so the same rule holds on Windows.
 */
export function resolveInside(root: string, clientPath: string): string | null {
  const segments = virtualSegments(clientPath);
  if (!segments) return null;
  const base = path.resolve(root);
  const local = path.resolve(base, ...segments);
  const rel = path.relative(base, local);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null;
  return local;
}

function virtualSegments(clientPath: string): string[] | null {
  if (clientPath.includes('\0')) return null;
  const segments: string[] = [];
  for (const segment of clientPath.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else {
      segments.push(segment);
    }
  }
  return segments;
}

/** Starts the SFTP server on loopback; resolves once it listens. */
export async function startSftpServer(options: SftpServerOptions): Promise<RunningSftpServer> {
  const root = path.resolve(options.root);
  fs.mkdirSync(root, { recursive: true });
  const realRoot = fs.realpathSync(root);
  // ECDSA P-256 in SEC1 PEM: ssh2 parses it (it reads no PKCS#8, so node's Ed25519 export is
  // out), and unlike RSA 2048 (0.1-1 s) it is made in about a millisecond on the main thread.
  const { privateKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const userDigest = digest(options.user);
  const passwordDigest = digest(options.password);

  const sockets = new Set<net.Socket>();
  const connections = new Set<Connection>();
  const ssh = new Server({ hostKeys: [privateKey], algorithms: { cipher: [...SSH_ALGORITHMS.cipher], hmac: [...SSH_ALGORITHMS.hmac] } }, (client) => {
    connections.add(client);
    client.on('close', () => connections.delete(client));
    // A client that drops or misbehaves must not bring the lab down.
    client.on('error', () => undefined);
    const deadline = setTimeout(() => client.end(), LOGIN_DEADLINE_MS).unref();
    client.on('ready', () => clearTimeout(deadline));
    client.on('close', () => clearTimeout(deadline));
    let failures = 0;
    client.on('authentication', (ctx) => {
      if (ctx.method !== 'password') return ctx.reject(['password']);
      // Both compared every time, on equal-length digests, so timing tells nothing.
      const userOk = timingSafeEqual(digest(ctx.username), userDigest);
      const passwordOk = timingSafeEqual(digest(ctx.password), passwordDigest);
      if (userOk && passwordOk) return ctx.accept();
      ctx.reject(['password']);
      if (++failures >= MAX_AUTH_FAILURES) client.end();
    });
    // Only the sftp subsystem is served: with no 'shell', 'exec', 'pty' or 'tcpip' listener,
    // ssh2 refuses those requests itself.
    client.on('session', (acceptSession) => {
      const session = acceptSession();
      session.on('sftp', (acceptSftp) => serveSftp(acceptSftp(), root, realRoot));
    });
  });

  // Our own listener hands sockets to ssh2, so close() can reach connections that never
  // finished the SSH handshake too.
  const listener = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    ssh.injectSocket(socket);
  });
  listener.maxConnections = 32;
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      listener.off('error', reject);
      resolve();
    });
  });
  const port = (listener.address() as net.AddressInfo).port;

  return {
    port,
    close: () => new Promise<void>((resolve) => {
      listener.close(() => resolve());
      for (const client of connections) client.end();
      for (const socket of sockets) socket.destroy();
    }),
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

type OpenHandle =
  | { kind: 'file'; file: fsp.FileHandle }
  | { kind: 'dir'; local: string; listed: boolean };

/** Answers one SFTP channel's requests against the folder `root`. */
function serveSftp(sftp: SFTPWrapper, root: string, realRoot: string): void {
  const handles = new Map<number, OpenHandle>();
  let nextHandle = 1;

  const addHandle = (entry: OpenHandle): Buffer | null => {
    if (handles.size >= MAX_OPEN_HANDLES) return null;
    const id = nextHandle++;
    handles.set(id, entry);
    const buf = Buffer.alloc(4);
    buf.writeUInt32BE(id);
    return buf;
  };
  const lookup = (handle: Buffer): [number, OpenHandle | undefined] => {
    const id = handle.length === 4 ? handle.readUInt32BE() : -1;
    return [id, handles.get(id)];
  };

  /** Runs a request; a refused path or a failed fs call becomes a status reply. */
  const run = (reqId: number, work: () => Promise<void>): void => {
    work().catch((err: unknown) => sftp.status(reqId, statusFor(err), messageFor(err)));
  };
  /** Resolves a client path inside root, also refusing symbolic links that lead outside. */
  const local = async (clientPath: string): Promise<string> => {
    const resolved = resolveInside(root, clientPath);
    if (!resolved) throw new Refused();
    let existing = resolved;
    for (;;) {
      try {
        const real = await fsp.realpath(existing);
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new Refused();
        return resolved;
      } catch (err) {
        if (err instanceof Refused || (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        existing = path.dirname(existing);
      }
    }
  };

  sftp.on('OPEN', (reqId, filename, flags) => run(reqId, async () => {
    const mode = utils.sftp.flagsToString(flags);
    if (!mode) return sftp.status(reqId, STATUS.OP_UNSUPPORTED, 'unsupported open flags');
    const file = await fsp.open(await local(filename), mode, 0o644);
    const handle = addHandle({ kind: 'file', file });
    if (handle) return sftp.handle(reqId, handle);
    await file.close();
    sftp.status(reqId, STATUS.FAILURE, 'too many open files');
  }));

  sftp.on('READ', (reqId, handle, offset, length) => run(reqId, async () => {
    const [, open] = lookup(handle);
    if (open?.kind !== 'file') return sftp.status(reqId, STATUS.FAILURE, 'invalid handle');
    const buf = Buffer.alloc(Math.min(length, MAX_READ_CHUNK));
    const { bytesRead } = await open.file.read(buf, 0, buf.length, offset);
    if (bytesRead === 0) return sftp.status(reqId, STATUS.EOF);
    sftp.data(reqId, buf.subarray(0, bytesRead));
  }));

  sftp.on('WRITE', (reqId, handle, offset, data) => run(reqId, async () => {
    const [, open] = lookup(handle);
    if (open?.kind !== 'file') return sftp.status(reqId, STATUS.FAILURE, 'invalid handle');
    if (offset + data.length > MAX_SFTP_FILE_BYTES) {
      return sftp.status(reqId, STATUS.FAILURE, `file larger than ${MAX_SFTP_FILE_BYTES / 1024 / 1024} MiB`);
    }
    await open.file.write(data, 0, data.length, offset);
    sftp.status(reqId, STATUS.OK);
  }));

  sftp.on('CLOSE', (reqId, handle) => run(reqId, async () => {
    const [id, open] = lookup(handle);
    if (!open) return sftp.status(reqId, STATUS.FAILURE, 'invalid handle');
    handles.delete(id);
    if (open.kind === 'file') await open.file.close();
    sftp.status(reqId, STATUS.OK);
  }));

  sftp.on('FSTAT', (reqId, handle) => run(reqId, async () => {
    const [, open] = lookup(handle);
    if (!open) return sftp.status(reqId, STATUS.FAILURE, 'invalid handle');
    sftp.attrs(reqId, toAttrs(open.kind === 'file' ? await open.file.stat() : await fsp.stat(open.local)));
  }));

  sftp.on('STAT', (reqId, clientPath) => run(reqId, async () => {
    sftp.attrs(reqId, toAttrs(await fsp.stat(await local(clientPath))));
  }));
  sftp.on('LSTAT', (reqId, clientPath) => run(reqId, async () => {
    sftp.attrs(reqId, toAttrs(await fsp.lstat(await local(clientPath))));
  }));

  sftp.on('OPENDIR', (reqId, clientPath) => run(reqId, async () => {
    const dir = await local(clientPath);
    if (!(await fsp.stat(dir)).isDirectory()) return sftp.status(reqId, STATUS.FAILURE, 'not a directory');
    const handle = addHandle({ kind: 'dir', local: dir, listed: false });
    if (handle) sftp.handle(reqId, handle);
    else sftp.status(reqId, STATUS.FAILURE, 'too many open files');
  }));

  sftp.on('READDIR', (reqId, handle) => run(reqId, async () => {
    const [, open] = lookup(handle);
    if (open?.kind !== 'dir') return sftp.status(reqId, STATUS.FAILURE, 'invalid handle');
    if (open.listed) return sftp.status(reqId, STATUS.EOF);
    open.listed = true;
    const entries: FileEntry[] = [];
    for (const name of await fsp.readdir(open.local)) {
      const stats = await fsp.lstat(path.join(open.local, name)).catch(() => null);
      if (stats) entries.push({ filename: name, longname: longName(name, stats), attrs: toAttrs(stats) });
    }
    if (entries.length === 0) return sftp.status(reqId, STATUS.EOF);
    sftp.name(reqId, entries);
  }));

  sftp.on('REALPATH', (reqId, clientPath) => run(reqId, async () => {
    const segments = virtualSegments(clientPath);
    if (!segments) throw new Refused();
    sftp.name(reqId, [{ filename: `/${segments.join('/')}`, longname: '', attrs: {} as Attributes }]);
  }));

  sftp.on('MKDIR', (reqId, clientPath) => run(reqId, async () => {
    await fsp.mkdir(await local(clientPath));
    sftp.status(reqId, STATUS.OK);
  }));
  sftp.on('RMDIR', (reqId, clientPath) => run(reqId, async () => {
    await fsp.rmdir(await local(clientPath));
    sftp.status(reqId, STATUS.OK);
  }));
  sftp.on('REMOVE', (reqId, clientPath) => run(reqId, async () => {
    await fsp.unlink(await local(clientPath));
    sftp.status(reqId, STATUS.OK);
  }));
  sftp.on('RENAME', (reqId, oldPath, newPath) => run(reqId, async () => {
    const from = await local(oldPath);
    const to = await local(newPath);
    // SFTP v3: renaming onto an existing file fails.
    if (await fsp.lstat(to).then(() => true, () => false)) {
      return sftp.status(reqId, STATUS.FAILURE, 'target exists');
    }
    await fsp.rename(from, to);
    sftp.status(reqId, STATUS.OK);
  }));

  // Clients set modes and times after an upload; the lab keeps its own, and says OK.
  sftp.on('SETSTAT', (reqId) => sftp.status(reqId, STATUS.OK));
  sftp.on('FSETSTAT', (reqId) => sftp.status(reqId, STATUS.OK));
  for (const request of ['READLINK', 'SYMLINK', 'EXTENDED']) {
    sftp.on(request, (reqId: number) => sftp.status(reqId, STATUS.OP_UNSUPPORTED));
  }

  sftp.on('close', () => {
    for (const open of handles.values()) if (open.kind === 'file') void open.file.close().catch(() => undefined);
    handles.clear();
  });
}

class Refused extends Error {
  constructor() {
    super('path outside the SFTP root');
  }
}

function statusFor(err: unknown): number {
  if (err instanceof Refused) return STATUS.PERMISSION_DENIED;
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOENT': return STATUS.NO_SUCH_FILE;
    case 'EACCES': case 'EPERM': return STATUS.PERMISSION_DENIED;
    default: return STATUS.FAILURE;
  }
}

/** A status message naming the failure but not the local path. */
function messageFor(err: unknown): string {
  if (err instanceof Refused) return err.message;
  const code = (err as NodeJS.ErrnoException).code;
  return code ? `failed (${code})` : 'failed';
}

function toAttrs(stats: fs.Stats): Attributes {
  return {
    mode: stats.mode,
    uid: 0,
    gid: 0,
    size: stats.size,
    atime: Math.floor(stats.atimeMs / 1000),
    mtime: Math.floor(stats.mtimeMs / 1000),
  };
}

function longName(name: string, stats: fs.Stats): string {
  const type = stats.isDirectory() ? 'd' : '-';
  return `${type}rw-r--r-- 1 lab lab ${stats.size} ${stats.mtime.toISOString().slice(0, 10)} ${name}`;
}
