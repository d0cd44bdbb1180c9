/**
 * The lab network's HTTP(S) client: routes to simulated hosts, one pool of kept-alive
 * connections per sending site, and the caller's trust decision before every request, on a new
 * connection or a kept-alive one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeCertificate, pemToDer } from '../../../main/cluster/pki/certificate-factory';
import { keyPool } from '../../../main/cluster/pki/key-source';
import { verifyPeer as trustDecision, type TrustEntry } from '../../../main/cluster/pki/trust';
import { fingerprintOf } from '../../../main/cluster/pki/certificate-factory';
import { startHttpServer, startHttpsServer, type HttpHandler, type RunningHttpsServer, type RunningServer } from '../../../main/net/http-server';
import { LabNetwork, NetError } from '../../../main/net/lab-network';

const keys = keyPool(2);
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15);

function tomcat(host: string, notBefore = NOW - DAY, validDays = 30) {
  const made = makeCertificate({ purpose: 'tomcat', host, ip: '127.0.0.1', clusterId: 'T', notBefore, validDays }, keys);
  const der = pemToDer(made.pem);
  return { key: made.keyPem, cert: made.pem, der, entry: { fingerprint: fingerprintOf(der), pem: made.pem } satisfies TrustEntry };
}

const running: (RunningServer | RunningHttpsServer)[] = [];
const networks: LabNetwork[] = [];
afterEach(async () => {
  for (const n of networks.splice(0)) n.close();
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** A node "node-a" with an HTTP and an HTTPS server on one handler, on a fresh lab network. */
async function node(handler: HttpHandler, identity = tomcat('node-a')) {
  const http = await startHttpServer(handler);
  const https = await startHttpsServer(handler, identity);
  running.push(http, https);
  const net = new LabNetwork();
  networks.push(net);
  net.register({ host: 'node-a', site: 'A', port: http.port, tlsPort: https.port });
  return { net, http, https, identity };
}

describe('routes', () => {
  it('maps a simulated host to its server whatever port the URL names, with path and query as written', async () => {
    const seen: string[] = [];
    const { net } = await node((req) => {
      seen.push(`${req.method} ${req.path} ${JSON.stringify([...req.query])}`);
      return { status: 200, body: 'ok' };
    });
    const c = net.client('phones');
    await c.request({ url: 'http://NODE-A:8080/emapp/EMAppServlet?device=SEP1&EMCC=true&seq=a%20b' });
    await c.request({ url: 'http://node-a:6970/SEP1.cnf.xml' });
    await c.request({ url: 'http://node-a:8080/a/./b/../c?x=%2e' });
    await c.request({ url: 'http://node-a', method: 'POST', body: 'x=1' });
    expect(seen).toEqual([
      'GET /emapp/EMAppServlet [["device","SEP1"],["EMCC","true"],["seq","a b"]]',
      'GET /SEP1.cnf.xml []',
      'GET /a/c [["x","."]]',
      'POST / []',
    ]);
  });

  it('answers unknown hosts, bad URLs and HTTPS to a host without TLS with the reason', async () => {
    const { net } = await node(() => ({ status: 200 }));
    net.register({ host: 'plain-only', site: 'A', port: 1 });
    const c = net.client('phones');
    await expect(c.request({ url: 'http://nowhere:8080/' })).rejects.toMatchObject({ failure: 'unknown-host' });
    await expect(c.request({ url: 'not a url' })).rejects.toMatchObject({ failure: 'unknown-host' });
    await expect(c.request({ url: 'https://plain-only:8443/' })).rejects.toMatchObject({ failure: 'refused' });
  });
});

describe('pools of kept-alive connections', () => {
  it('keeps one pool per sending site, so requests a node makes to itself while serving never wait for the callers\' connections', async () => {
    // The EMApp answers a phone only after calling the EM service on its own server: with one pool
    // for everybody, 300 phones at once held every connection the inner requests needed.
    const self: { net?: LabNetwork } = {};
    const { net } = await node(async (req) => {
      if (req.path === '/inner') return { status: 200, body: 'inner' };
      const inner = await self.net!.client('cluster:A').request({ url: 'http://node-a:8080/inner', timeoutMs: 3000 });
      return { status: 200, body: `outer+${inner.body}` };
    });
    self.net = net;
    const phones = net.client('phones');
    const answers = await Promise.all(Array.from({ length: 300 }, () => phones.request({ url: 'http://node-a:8080/outer', timeoutMs: 10_000 })));
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(['outer+inner']));
  });
});

describe('the trust decision over TLS', () => {
  it('runs before every request, on a new connection and on the kept-alive one, with the certificate the peer presented', async () => {
    let served = 0;
    const { net, identity } = await node(() => {
      served++;
      return { status: 200, body: 'ok' };
    });
    const asked: { der: Buffer; host: string }[] = [];
    let refuse: string | null = null;
    const c = net.client('cluster:B');
    const send = () => c.request({ method: 'POST', url: 'https://node-a:8443/emservice/EMServiceServlet', body: 'xml=x', verifyPeer: (der, host) => (asked.push({ der, host }), refuse) });
    for (let i = 0; i < 3; i++) expect((await send()).body).toBe('ok');
    expect(asked).toHaveLength(3);
    expect(asked.every((a) => a.der.equals(identity.der) && a.host === 'node-a')).toBe(true);
    expect(net.tlsConnectionsOpened).toBe(1); // one handshake, three decisions

    refuse = 'not in tomcat-trust';
    await expect(send()).rejects.toSatisfy((e) => e instanceof NetError && e.failure === 'untrusted' && e.message === 'not in tomcat-trust');
    expect(served).toBe(3); // not a byte of the refused request reached the server
    refuse = null;
    expect((await send()).body).toBe('ok');
  });

  it('follows the trust store and lab time from one request to the next on the same connection', async () => {
    const { net, identity } = await node(() => ({ status: 200, body: 'ok' }));
    let trusted: TrustEntry[] = [identity.entry];
    let now = NOW;
    const verify = (der: Buffer, host: string) => {
      const v = trustDecision(der, host, trusted, now, 'tomcat-trust of B');
      return v.ok ? null : v.reason;
    };
    const c = net.client('cluster:B');
    const send = () => c.request({ url: 'https://node-a:8443/', verifyPeer: verify });
    expect((await send()).status).toBe(200);
    trusted = [];
    await expect(send()).rejects.toThrow(/CN=node-a.*is not in tomcat-trust of B/);
    trusted = [identity.entry];
    expect((await send()).status).toBe(200);
    now = NOW + 60 * DAY;
    await expect(send()).rejects.toThrow(/expired on/);
    now = NOW;
    expect((await send()).status).toBe(200);
  });
});

describe('the trust decision itself', () => {
  it('refuses a certificate issued to another host and an unreadable one', () => {
    const other = tomcat('node-b');
    expect(trustDecision(other.der, '127.0.0.1', [other.entry], NOW, 'tomcat-trust')).toEqual({ ok: true });
    expect(trustDecision(other.der, '127.0.0.2', [other.entry], NOW, 'tomcat-trust')).toMatchObject({ ok: false, reason: expect.stringMatching(/is not issued to 127.0.0.2/) });
    expect(trustDecision(other.der, 'node-a', [other.entry], NOW, 'tomcat-trust')).toMatchObject({ ok: false, reason: expect.stringMatching(/is not issued to node-a/) });
    expect(trustDecision(other.der, 'node-b', [other.entry], NOW, () => 'never built')).toEqual({ ok: true });
    expect(trustDecision(Buffer.from('garbage'), 'node-a', [], NOW, 'tomcat-trust')).toEqual({ ok: false, reason: 'node-a presented no readable certificate' });
  });

  it('reads a buffer again when its caller changed it in place', () => {
    const a = tomcat('node-a');
    const b = tomcat('node-a');
    expect(b.der.length).toBe(a.der.length);
    const buf = Buffer.from(a.der);
    expect(trustDecision(buf, 'node-a', [a.entry], NOW, 'ts')).toEqual({ ok: true });
    b.der.copy(buf);
    expect(trustDecision(buf, 'node-a', [a.entry], NOW, 'ts')).toMatchObject({ ok: false, reason: expect.stringContaining(b.entry.fingerprint) });
  });
});
