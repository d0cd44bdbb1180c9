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
  /**
   * The simulated host sending it, for the lab's records only (the connection is the sending
   * site's): a request no served request caused, like CallManager's reset notification.
   */
  fromHost?: string;
}

/** Why a request got no HTTP answer. */
export type NetFailure = 'unknown-host' | 'refused' | 'timeout' | 'reset' | 'untrusted' | 'unreachable';

export class NetError extends Error {
  constructor(readonly failure: NetFailure, readonly target: string, message: string) {
    super(message);
  }
}

/** How one site reaches the others: the only way anything in the lab sends a request. */
export interface HttpClient {
  request(req: ClientRequest): Promise<ClientResponse>;
}

/** Where a request really goes: the simulated host it names and the loopback address behind it. */
interface Route {
  tls: boolean;
  /** The host name the URL names (the trust check asks whether the peer's certificate is issued to it). */
  host: string;
  /** The lab host it names, if any. */
  entry: HostEntry | undefined;
  hostname: string;
  port: string;
  /** Path and query, as sent on the request line. */
  path: string;
}

/**
 * How many connections one sending site (a cluster's EM service) keeps open to one TLS peer, as
 * an HTTP client's pool per route does. More requests than that wait for a connection to come
 * free (the wait is not part of their timeout) instead of opening another: each new connection is
 * a TLS handshake, a few milliseconds of CPU for both sides, which here are this one process.
 * With 200 phones at once, 8 connections carried as many logins a second as 16, 32 or 64 did,
 * without a handshake storm whenever the load grew.
 */
export const TLS_CONNECTIONS_PER_PEER = 8;

/**
 * Follows the requests of the lab's login attempts (the lab's attempt log). The network asks it
 * about every request it sends; it answers undefined at once for a request that belongs to no
 * attempt (no span is being served and the request starts none), which is the whole cost then.
 */
export interface RequestObserver {
  /** A request leaves `fromSite`: the span to send it under (its traceparent), or undefined. */
  open(fromSite: string, req: ClientRequest): ObservedRequest | undefined;
}

/** A request an observer follows: sent with its traceparent, told how it ended. */
export interface ObservedRequest {
  readonly traceparent: string;
  /** Its answer, or why it got none. */
  close(outcome: ClientResponse | NetError): void;
}

/** What the link between two sites does to a request: nothing, drop it (WAN down), or pass it through a proxy. */
export interface LinkState {
  down?: boolean;
  /** The far end accepts the request and never answers: the sender's timeout runs out (in lab time). */
  silent?: boolean;
  /** The Via header a proxy on the link adds. */
  via?: string;
  /** Extra time (lab time) a request takes to cross the link. */
  latencyMs?: number;
}

export class LabNetwork {
  /** The links' faults, consulted for every request between two different sites. */
  linkState: (fromSite: string, toSite: string) => LinkState = () => ({});
  /** Whether a host is switched off (a node down): connections to it are refused. */
  hostDown: (host: string) => boolean = () => false;

  /**
   * Whether `fromSite` can reach `host` right now (the host exists and is up, the link between
   * them is neither down nor silent): a keepalive's view of the path, without a request.
   */
  canReach(fromSite: string, host: string): boolean {
    const entry = this.lookup(host);
    if (!entry || this.hostDown(entry.host)) return false;
    if (entry.site === fromSite) return true;
    const link = this.linkState(fromSite, entry.site);
    return !link.down && !link.silent;
  }
  /** Follows the requests of login attempts (the lab sets its attempt log here). */
  observer: RequestObserver | undefined;
  /** Waits in lab time, for the timeouts of simulated silence (the lab sets its clock here). */
  labDelay: (ms: number, fn: () => void) => void = (ms, fn) => void setTimeout(fn, ms);
  private readonly hosts = new Map<string, HostEntry>();
  /**
   * Kept-alive connections, one pool per sending site, so a connection always speaks for one
   * site, as each box keeps its own. One pool for everybody also let the phones' requests to a
   * node hold every connection that node's EMApp needed to reach its own EM service on the same
   * server: the inner requests waited for sockets the outer ones never gave back, until a
   * timeout (208 under load).
   */
  private readonly agents = new Map<string, http.Agent>();
  /** Kept-alive TLS connections, one pool per sending site (a cluster's EM service). */
  private readonly tlsAgents = new Map<string, https.Agent>();
  /**
   * The lab's own connections, by their two loopback ports ("client:server") -> the sending site
   * (how a server knows who called). Both ports: Linux gives one ephemeral port to several
   * connections at once when they go to different servers, so the client's port alone can name
   * another site's connection (seen under load: a cluster's own EMApp taken for an outsider, 28).
   */
  private readonly connections = new Map<string, string>();
  /**
   * The certificate the peer of each TLS connection presented in its handshake (DER), read once
   * per connection: it cannot change on that connection (a server that presents another
   * certificate closes its connections first), and there is no renegotiation. The caller's trust
   * decision on it is still taken before every request.
   */
  private readonly peerCertificates = new WeakMap<TLSSocket, Buffer>();
  /** Requests sent through the lab network so far (the benchmark's floor counts them). */
  requestsSent = 0;
  /** TLS connections opened so far (each one a full handshake). */
  tlsConnectionsOpened = 0;

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

  /**
   * The site that opened the loopback connection from `remotePort` (as a server sees its
   * client), or undefined for a client outside the lab (a real EM API application).
   */
  siteOf(remotePort: number | undefined, localPort: number | undefined): string | undefined {
    return remotePort === undefined || localPort === undefined ? undefined : this.connections.get(`${remotePort}:${localPort}`);
  }

  close(): void {
    for (const a of this.agents.values()) a.destroy();
    this.agents.clear();
    for (const a of this.tlsAgents.values()) a.destroy();
    this.tlsAgents.clear();
  }

  private httpAgent(site: string): http.Agent {
    let agent = this.agents.get(site);
    if (!agent) {
      agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
      this.agents.set(site, agent);
    }
    return agent;
  }

  /** Remember which site a new connection speaks for, until it closes. */
  private noteConnection(socket: import('node:net').Socket, site: string): void {
    const note = () => {
      const key = connectionKey(socket);
      if (key === undefined) return;
      this.connections.set(key, site);
      socket.once('close', () => {
        if (this.connections.get(key) === site) this.connections.delete(key);
      });
    };
    if (socket.localPort !== undefined) note();
    else {
      let noted = false;
      const once = () => {
        if (noted) return;
        noted = true;
        note();
      };
      socket.once('connect', once);
      socket.once('secureConnect', once);
    }
  }

  private tlsAgent(site: string): https.Agent {
    let agent = this.tlsAgents.get(site);
    if (!agent) {
      // Node's own certificate check is off: the caller's verifyPeer decides, on every request.
      // No TLS session resumption: a resumed TLS 1.3 session carries no peer certificate to check.
      agent = new https.Agent({ keepAlive: true, maxSockets: TLS_CONNECTIONS_PER_PEER, rejectUnauthorized: false, maxCachedSessions: 0 });
      this.tlsAgents.set(site, agent);
    }
    return agent;
  }

  /** The route of a URL, as `resolve` gives it; throws NetError when it leads nowhere. */
  private route(rawUrl: string): Route {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new NetError('unknown-host', rawUrl, 'invalid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new NetError('unknown-host', rawUrl, 'invalid URL');
    const tls = url.protocol === 'https:';
    const host = url.hostname;
    const port = url.port;
    const path = `${url.pathname}${url.search}`;
    const entry = this.lookup(host);
    if (entry) {
      if (tls && !entry.tlsPort) throw new NetError('refused', rawUrl, `${host} has no HTTPS server`);
      return { tls, host, entry, hostname: '127.0.0.1', port: String(tls ? entry.tlsPort : entry.port), path };
    }
    if (host !== '127.0.0.1' && host !== 'localhost') throw new NetError('unknown-host', rawUrl, `host ${host} not found`);
    return { tls, host, entry, hostname: host, port, path };
  }

  private send(fromSite: string, req: ClientRequest): Promise<ClientResponse> {
    this.requestsSent++;
    const observed = this.observer?.open(fromSite, req);
    if (!observed) return this.deliver(fromSite, req);
    const sent = this.deliver(fromSite, { ...req, headers: { ...req.headers, traceparent: observed.traceparent } });
    // Told before the sender's own continuation runs (its handlers are attached later). What
    // goes wrong in the observer is not the request's: it never becomes a rejection here.
    const tell = (outcome: ClientResponse | NetError) => {
      try {
        observed.close(outcome);
      } catch {
        // the record of this message stays as it was
      }
    };
    sent.then(tell, (e: unknown) => tell(e instanceof NetError ? e : new NetError('reset', req.url, e instanceof Error ? e.message : String(e))));
    return sent;
  }

  private deliver(fromSite: string, req: ClientRequest): Promise<ClientResponse> {
    let route: Route;
    try {
      route = this.route(req.url);
      const { entry, host } = route;
      if (entry && this.hostDown(entry.host)) return Promise.reject(new NetError('refused', req.url, `${entry.host} is down`));
      if (entry && entry.site !== fromSite) {
        const link = this.linkState(fromSite, entry.site);
        if (link.down) return Promise.reject(new NetError('unreachable', req.url, `the WAN link from ${fromSite} to ${entry.site} is down`));
        if (link.silent) {
          const waited = req.timeoutMs ?? 5000;
          return new Promise((_, reject) => this.labDelay(waited, () => reject(new NetError('timeout', req.url, `no answer from ${host} within ${waited / 1000} s`))));
        }
        if (link.via) req = { ...req, headers: { ...req.headers, via: link.via } };
        if (link.latencyMs) {
          const delayed = { ...req };
          const latency = link.latencyMs;
          const timeout = req.timeoutMs ?? 5000;
          // Beyond the sender's timeout the answer never counts: it gives up first.
          if (latency >= timeout) {
            return new Promise((_, reject) => this.labDelay(timeout, () => reject(new NetError('timeout', req.url, `no answer from ${host} within ${timeout / 1000} s (WAN latency ${latency} ms)`))));
          }
          return new Promise((resolve, reject) => this.labDelay(latency, () => {
            this.sendNow(fromSite, delayed, route).then(resolve, reject);
          }));
        }
      }
    } catch (e) {
      return Promise.reject(e instanceof NetError ? e : new NetError('unknown-host', req.url, 'invalid URL'));
    }
    return this.sendNow(fromSite, req, route);
  }

  /** The HTTP(S) request itself, over the route's loopback port. */
  private sendNow(fromSite: string, req: ClientRequest, route: Route): Promise<ClientResponse> {
    const { tls, host } = route;
    return new Promise((resolve, reject) => {
      const body = req.body ?? '';
      const headers: Record<string, string> = { ...req.headers };
      if (body) headers['content-length'] = String(Buffer.byteLength(body));
      const options: http.RequestOptions = {
        method: req.method ?? 'GET',
        hostname: route.hostname,
        port: route.port,
        path: route.path,
        headers,
        timeout: req.timeoutMs ?? 5000,
        agent: tls ? this.tlsAgent(fromSite) : this.httpAgent(fromSite),
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
      const r = tls ? https.request(options, onResponse) : http.request(options, onResponse);
      r.on('socket', (socket) => {
        const key = connectionKey(socket);
        if (key === undefined || !this.connections.has(key)) this.noteConnection(socket, fromSite);
      });
      if (tls) {
        r.on('socket', (raw) => {
          const socket = raw as TLSSocket;
          const decide = () => {
            const der = this.peerCertificateOf(socket);
            const refusal = req.verifyPeer ? (der ? req.verifyPeer(der, host) : `${host} presented no certificate`) : null;
            if (refusal) r.destroy(new NetError('untrusted', req.url, refusal));
            else r.end(body);
          };
          if (this.peerCertificates.has(socket) || (socket.encrypted && !socket.connecting && socket.getPeerCertificate(false)?.raw)) decide();
          else {
            this.tlsConnectionsOpened++;
            socket.once('secureConnect', decide);
          }
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

  /** The peer certificate of a connected TLS socket, read from its handshake once per connection. */
  private peerCertificateOf(socket: TLSSocket): Buffer | undefined {
    let der = this.peerCertificates.get(socket);
    if (!der) {
      der = socket.getPeerCertificate(false)?.raw;
      if (der) this.peerCertificates.set(socket, der);
    }
    return der;
  }
}

/** A client socket's two loopback ports, "client:server", once it is connected. */
function connectionKey(socket: import('node:net').Socket): string | undefined {
  return socket.localPort === undefined || socket.remotePort === undefined ? undefined : `${socket.localPort}:${socket.remotePort}`;
}
