/**
 * The lab's network: a name service that maps the simulated hosts ("visit-pub", "home-pub") to
 * the loopback ports their servers really listen on, and the HTTP client every node and phone
 * uses. All traffic between clusters and phones goes through real loopback sockets; the lab's
 * links (and, later, their faults) sit here, between a sender's cluster and a receiver's.
 */
import http from 'node:http';

export interface HostEntry {
  /** Simulated host name, as written in the cluster configuration. */
  host: string;
  /** Which simulated site the host belongs to (a cluster ID, or "phones"). */
  site: string;
  /** The loopback port its server listens on. */
  port: number;
}

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
}

/** Why a request got no HTTP answer. */
export type NetFailure = 'unknown-host' | 'refused' | 'timeout' | 'reset';

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
      url.protocol = 'http:';
      url.hostname = '127.0.0.1';
      url.port = String(entry.port);
    }
    return { url, entry };
  }

  /** The client one site uses to reach the rest of the lab. */
  client(fromSite: string): HttpClient {
    return { request: (req) => this.send(fromSite, req) };
  }

  close(): void {
    this.agent.destroy();
  }

  private send(_fromSite: string, req: ClientRequest): Promise<ClientResponse> {
    let target: URL;
    try {
      const { url, entry } = this.resolve(req.url);
      const literal = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
      if (!entry && !literal) {
        return Promise.reject(new NetError('unknown-host', req.url, `host ${url.hostname} not found`));
      }
      target = url;
    } catch {
      return Promise.reject(new NetError('unknown-host', req.url, 'invalid URL'));
    }
    return new Promise((resolve, reject) => {
      const body = req.body ?? '';
      const r = http.request(
        target,
        {
          method: req.method ?? 'GET',
          agent: this.agent,
          headers: { ...req.headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
          timeout: req.timeoutMs ?? 5000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => reject(new NetError('reset', req.url, e.message)));
        },
      );
      r.on('timeout', () => r.destroy(new NetError('timeout', req.url, 'timed out')));
      r.on('error', (e: NodeJS.ErrnoException) => {
        if (e instanceof NetError) return reject(e);
        reject(new NetError(e.code === 'ECONNREFUSED' ? 'refused' : 'reset', req.url, e.message));
      });
      r.end(body);
    });
  }
}
