/**
 * The lab's network: a name service that maps the simulated hosts ("visit-pub", "home-pub") to
 * the loopback ports their servers really listen on, and the HTTP client every node and phone
 * uses. All traffic between clusters and phones goes through real loopback sockets; the lab's
 * links (and, later, their faults) sit here, between a sender's cluster and a receiver's.
 */
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface HostEntry {
  /** Simulated host name, as written in the cluster configuration. */
  host: string;
  /** Which simulated site the host belongs to (a cluster ID, or "phones"). */
  site: string;
  /** The loopback port its server listens on. */
  port: number;
  /** The loopback port of its HTTPS server (8443 on a real node), if it has one. */
  tlsPort?: number;
}

/** Decides whether the certificate an HTTPS peer presented is trusted (null: trusted). */
export type PeerVerifier = (peerCertificateDer: Buffer, host: string) => string | null;

export interface ClientResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ClientRequest {
  method?: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Give up after this long (wall clock: a socket timeout is I/O, not lab time). */
  timeoutMs?: number;
  /** For https:// URLs: the caller's trust decision, taken before any byte of the request is sent. */
  verifyPeer?: PeerVerifier;
}

/** Why a request got no HTTP answer. */
export type NetFailure = 'unknown-host' | 'refused' | 'timeout' | 'reset' | 'untrusted';

export class NetError extends Error {
  constructor(readonly failure: NetFailure, readonly target: string, message: string) {
    super(message);
  }
}

/** How one site reaches the others: the only way anything in the lab sends a request. */
export interface HttpClient {
  request(req: ClientRequest): Promise<ClientResponse>;
}

export class LabNetwork {
  private readonly hosts = new Map<string, HostEntry>();
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  /** Kept-alive TLS connections, one pool per sending site (a cluster's EM service). */
  private readonly tlsAgents = new Map<string, https.Agent>();
  /** Requests sent through the lab network so far (the benchmark's floor counts them). */
  requestsSent = 0;

  /** Make a simulated host reachable (a server has started for it). */
  register(entry: HostEntry): void {
    this.hosts.set(entry.host.toLowerCase(), entry);
  }

  unregister(host: string): void {
    this.hosts.delete(host.toLowerCase());
  }

  lookup(host: string): HostEntry | undefined {
    return this.hosts.get(host.toLowerCase());
  }

  /**
   * Where a URL really goes: simulated host names map to their loopback port, whatever port the
   * URL names (8080, 8443, 6970 on a real node all land on the node's one server here).
   */
  resolve(rawUrl: string): { url: URL; entry: HostEntry | undefined } {
    const url = new URL(rawUrl);
    const entry = this.lookup(url.hostname);
    if (entry) {
      const tls = url.protocol === 'https:';
      if (tls && !entry.tlsPort) throw new NetError('refused', rawUrl, `${url.hostname} has no HTTPS server`);
      url.hostname = '127.0.0.1';
      url.port = String(tls ? entry.tlsPort : entry.port);
    }
    return { url, entry };
  }

  /** The client one site uses to reach the rest of the lab. */
  client(fromSite: string): HttpClient {
    return { request: (req) => this.send(fromSite, req) };
  }

  close(): void {
    this.agent.destroy();
    for (const a of this.tlsAgents.values()) a.destroy();
    this.tlsAgents.clear();
  }

  private tlsAgent(site: string): https.Agent {
    let agent = this.tlsAgents.get(site);
    if (!agent) {
      // Node's own certificate check is off: the caller's verifyPeer decides, on every request.
      // No TLS session resumption: a resumed TLS 1.3 session carries no peer certificate to check.
      agent = new https.Agent({ keepAlive: true, maxSockets: 256, rejectUnauthorized: false, maxCachedSessions: 0 });
      this.tlsAgents.set(site, agent);
    }
    return agent;
  }

  private send(fromSite: string, req: ClientRequest): Promise<ClientResponse> {
    this.requestsSent++;
    let target: URL;
    let host: string;
    try {
      host = new URL(req.url).hostname;
      const { url, entry } = this.resolve(req.url);
      const literal = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
      if (!entry && !literal) {
        return Promise.reject(new NetError('unknown-host', req.url, `host ${url.hostname} not found`));
      }
      target = url;
    } catch (e) {
      return Promise.reject(e instanceof NetError ? e : new NetError('unknown-host', req.url, 'invalid URL'));
    }
    const tls = target.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const body = req.body ?? '';
      const options = {
        method: req.method ?? 'GET',
        headers: { ...req.headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
        timeout: req.timeoutMs ?? 5000,
      };
      const onResponse = (res: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => reject(new NetError('reset', req.url, e.message)));
      };
      // Over TLS the trust decision is the caller's (its cluster's Tomcat-trust at lab time). It
      // is taken before each request is sent, on a new connection or a kept-alive one, so a
      // trust store change or an expiry counts from the next request on.
      const r = tls
        ? https.request(target, { ...options, agent: this.tlsAgent(fromSite) }, onResponse)
        : http.request(target, { ...options, agent: this.agent }, onResponse);
      if (tls) {
        r.on('socket', (raw) => {
          const socket = raw as TLSSocket;
          const decide = () => {
            const der = socket.getPeerCertificate(false)?.raw;
            const refusal = req.verifyPeer ? (der ? req.verifyPeer(der, host) : `${host} presented no certificate`) : null;
            if (refusal) r.destroy(new NetError('untrusted', req.url, refusal));
            else r.end(body);
          };
          if (socket.encrypted && !socket.connecting && socket.getPeerCertificate(false)?.raw) decide();
          else socket.once('secureConnect', decide);
        });
      }
      r.on('timeout', () => r.destroy(new NetError('timeout', req.url, 'timed out')));
      r.on('error', (e: NodeJS.ErrnoException) => {
        if (e instanceof NetError) return reject(e);
        reject(new NetError(e.code === 'ECONNREFUSED' ? 'refused' : 'reset', req.url, e.message));
      });
      if (!tls) r.end(body);
    });
  }
}

