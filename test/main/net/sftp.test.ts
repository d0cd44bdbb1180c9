// The embedded SFTP server and the certificate jobs' SFTP client, over real loopback SSH.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import { SftpError, sftpSession, type SftpSession, type SftpSettings } from '../../../main/net/sftp-client.ts';
import { MAX_SFTP_FILE_BYTES, resolveInside, startSftpServer, type RunningSftpServer } from '../../../main/net/sftp-server.ts';

const USER = 'emcc';
const PASSWORD = 'S3cret-pa55!';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emcc-sftp-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function server(): Promise<{ root: string; sftp: RunningSftpServer }> {
  const root = path.join(tempDir(), 'root');
  const sftp = await startSftpServer({ root, user: USER, password: PASSWORD });
  cleanups.push(() => sftp.close());
  return { root, sftp };
}

/** Settings as an administrator would type them: the simulated host, mapped to the real port. */
async function open(port: number, overrides: Partial<SftpSettings> = {}): Promise<SftpSession> {
  const session = await sftpSession(
    { host: 'sftp.lab', port: 22, user: USER, password: PASSWORD, directory: '/certs', ...overrides },
    { connect: (host) => ({ host: host === 'sftp.lab' ? '127.0.0.1' : host, port }), timeoutMs: 5000 },
  );
  cleanups.push(() => session.close());
  return session;
}

async function failure(promise: Promise<unknown>): Promise<SftpError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(SftpError);
  return err as SftpError;
}

describe('SFTP client against the embedded server', () => {
  it('stores a certificate file and gets back exactly the same bytes, then removes it', async () => {
    const { root, sftp } = await server();
    const session = await open(sftp.port);
    const data = randomBytes(100 * 1024);
    await session.put('cluster1.p12', data);
    expect(fs.readFileSync(path.join(root, 'certs', 'cluster1.p12')).equals(data)).toBe(true);
    expect((await session.get('cluster1.p12')).equals(data)).toBe(true);
    await session.remove('cluster1.p12');
    expect(await session.list()).toEqual([]);
    expect(session.hostKeySha256).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('creates the configured directory, nested, when it does not exist yet', async () => {
    const { root, sftp } = await server();
    const session = await open(sftp.port, { directory: '/bulk/certs/2024' });
    expect(fs.statSync(path.join(root, 'bulk', 'certs', '2024')).isDirectory()).toBe(true);
    await session.put('a.p12', Buffer.from('a'));
    expect(fs.existsSync(path.join(root, 'bulk', 'certs', '2024', 'a.p12'))).toBe(true);
    // A second login finds the directory already there.
    await open(sftp.port, { directory: '/bulk/certs/2024' });
  });

  it('lists the files of the directory with their sizes and times', async () => {
    const { root, sftp } = await server();
    const session = await open(sftp.port);
    const before = Date.now();
    await session.put('home.p12', Buffer.alloc(1234, 1));
    await session.put('visit.p12', Buffer.alloc(10, 2));
    fs.mkdirSync(path.join(root, 'certs', 'old'));
    const files = await session.list();
    expect(files.map(({ name, size }) => ({ name, size }))).toEqual([
      { name: 'home.p12', size: 1234 },
      { name: 'visit.p12', size: 10 },
    ]);
    for (const file of files) expect(file.modifiedAt).toBeGreaterThan(before - 5000);
  });

  it('reports a wrong password as a refused login without showing the password', async () => {
    const { sftp } = await server();
    const err = await failure(open(sftp.port, { password: 'wrong-Pa55word' }));
    expect(err.kind).toBe('auth');
    expect(err.message).toBe('SFTP login refused for user emcc at sftp.lab:22');
    expect(err.message).not.toContain('wrong-Pa55word');
    expect(err.message).not.toContain(PASSWORD);
  });

  it('reports a wrong user as a refused login', async () => {
    const { sftp } = await server();
    expect((await failure(open(sftp.port, { user: 'root' }))).kind).toBe('auth');
  });

  it('reports a server that does not listen as unreachable', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const err = await failure(sftpSession({ host: '127.0.0.1', port, user: USER, password: PASSWORD, directory: '/certs' }));
    expect(err.kind).toBe('unreachable');
    expect(err.message).toBe(`SFTP server 127.0.0.1:${port} unreachable (connection refused)`);
  });

  it('reports a server that never answers the handshake as a timeout', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => { sockets.push(socket); });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => {
      silent.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }));
    const port = (silent.address() as net.AddressInfo).port;
    const err = await failure(sftpSession(
      { host: '127.0.0.1', port, user: USER, password: PASSWORD, directory: '/certs' }, { timeoutMs: 300 }));
    expect(err.kind).toBe('timeout');
  });

  it('says which file is missing when getting or removing one that is not there', async () => {
    const { sftp } = await server();
    const session = await open(sftp.port);
    const err = await failure(session.get('consolidated.p12'));
    expect(err.kind).toBe('not-found');
    expect(err.message).toBe('no file consolidated.p12 in /certs');
    expect((await failure(session.remove('consolidated.p12'))).kind).toBe('not-found');
  });

  it('refuses file names that are not plain names', async () => {
    const { root, sftp } = await server();
    const session = await open(sftp.port);
    for (const name of ['../x', 'a/b', 'a\\b', '..', '']) {
      await failure(session.put(name, Buffer.from('x')));
      await failure(session.get(name));
      await failure(session.remove(name));
    }
    expect(fs.readdirSync(path.dirname(root))).toEqual(['root']);
  });

  it('refuses a file larger than 16 MiB and leaves nothing behind', async () => {
    const { root, sftp } = await server();
    const session = await open(sftp.port);
    const err = await failure(session.put('huge.p12', Buffer.alloc(MAX_SFTP_FILE_BYTES + 1)));
    expect(err.kind).toBe('io');
    expect(err.message).toContain('16 MiB');
    expect(await session.list()).toEqual([]);
    expect(fs.existsSync(path.join(root, 'certs', 'huge.p12'))).toBe(false);
  });

  it('serves two sessions at the same time', async () => {
    const { sftp } = await server();
    const [home, visit] = await Promise.all([open(sftp.port), open(sftp.port)]);
    await Promise.all([home.put('home.p12', randomBytes(5000)), visit.put('visit.p12', randomBytes(7000))]);
    expect((await home.list()).map((f) => f.name)).toEqual(['home.p12', 'visit.p12']);
    expect((await visit.get('home.p12')).length).toBe(5000);
  });

  it('ends open sessions when the server stops', async () => {
    const { sftp } = await server();
    const session = await open(sftp.port);
    await session.put('a.p12', Buffer.from('a'));
    await sftp.close();
    const err = await failure(session.list());
    expect(err.kind).toBe('io');
  });
});

describe('the embedded server', () => {
  it('keeps every client path inside its root folder', () => {
    const root = path.resolve(tempDir(), 'root');
    expect(resolveInside(root, '../../etc/passwd')).toBeNull();
    expect(resolveInside(root, '/../x')).toBeNull();
    expect(resolveInside(root, 'certs/../../x')).toBeNull();
    expect(resolveInside(root, '..\\..\\x')).toBeNull();
    expect(resolveInside(root, 'a\0b')).toBeNull();
    expect(resolveInside(root, '/certs/a.p12')).toBe(path.join(root, 'certs', 'a.p12'));
    expect(resolveInside(root, 'certs/./old/../a.p12')).toBe(path.join(root, 'certs', 'a.p12'));
    expect(resolveInside(root, '/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveInside(root, '/')).toBe(root);
    expect(resolveInside(root, '.')).toBe(root);
  });

  it('answers a climbing path with permission denied, and offers no shell or command execution', async () => {
    const { sftp } = await server();
    const conn = new ssh2.Client();
    cleanups.push(() => { conn.end(); });
    await new Promise<void>((resolve, reject) => {
      conn.once('ready', () => resolve()).once('error', reject);
      conn.connect({ host: '127.0.0.1', port: sftp.port, username: USER, password: PASSWORD });
    });
    const exec = await new Promise<Error | undefined>((resolve) => conn.exec('cat /etc/passwd', (err) => resolve(err)));
    expect(exec).toBeInstanceOf(Error);
    const shell = await new Promise<Error | undefined>((resolve) => conn.shell((err) => resolve(err)));
    expect(shell).toBeInstanceOf(Error);
    const channel = await new Promise<ssh2.SFTPWrapper>((resolve, reject) => conn.sftp((err, s) => (err ? reject(err) : resolve(s))));
    const code = (p: string) => new Promise<unknown>((resolve) => channel.stat(p, (err) => resolve((err as { code?: unknown } | undefined)?.code)));
    expect(await code('/../etc/passwd')).toBe(ssh2.utils.sftp.STATUS_CODE.PERMISSION_DENIED);
    expect(await code('/')).toBeUndefined();
  });

  it('creates its root folder when missing', async () => {
    const { root } = await server();
    expect(fs.statSync(root).isDirectory()).toBe(true);
  });

  it('refuses paths that climb out of its root, even through a symbolic link', async () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    const { root, sftp } = await server();
    fs.symlinkSync(outside, path.join(root, 'escape'));
    const escaping = await open(sftp.port, { directory: '/escape' }).then(() => null, (e: unknown) => e);
    expect(escaping).toBeInstanceOf(SftpError);
    const session = await open(sftp.port, { directory: '/' });
    expect((await session.list()).map((f) => f.name)).toEqual([]);
    expect(fs.readdirSync(outside)).toEqual(['secret.txt']);
  });

  it('stops promptly even with a client connected', async () => {
    const { sftp } = await server();
    await open(sftp.port);
    const started = Date.now();
    await sftp.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
