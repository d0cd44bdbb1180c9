/**
 * Small parts of the EM service: the refusal that carries a guide code and the rule that
 * decided it, the request gate of Maximum Concurrent Requests, the 2-minute cache of users'
 * credentials, and the masking of secrets before anything reaches the trace.
 */
import type { Clock } from '../../clock/lab-clock';
import { ENTITIES } from '../../../shared/admin/entities';
import { EM_SERVICE_PARAMETERS, type EmServiceParamKey } from '../../../shared/parameters';
import type { ClusterStore } from '../store/cluster-store';

/** A Cisco Extension Mobility service parameter of a cluster: its saved value, else its default. */
export function emServiceParameter(store: ClusterStore, key: EmServiceParamKey): string {
  return store.serviceParameter(key) ?? String(EM_SERVICE_PARAMETERS.find((p) => p.key === key)!.default);
}

/** A new PIN from the change-credential screen must pass what the End User page accepts. */
const pinRule = ENTITIES.endUser.fields.find((f) => f.key === 'pin')!.pattern!;
export const PIN_PATTERN = new RegExp(pinRule.source);

/** A request refused with a code of the guide, and the rule that decided it (for the trace). */
export class Refusal extends Error {
  constructor(readonly code: number, readonly rule: string) {
    super(`${rule} -> ${code}`);
  }
}

/** Refuse the request being served with `code`: `rule` says why, in the trace. */
export function refuse(code: number, rule: string): never {
  throw new Refusal(code, rule);
}

/**
 * Maximum Concurrent Requests, per EM service node: a request over the limit is refused at once
 * with 26 (Busy, please try again), never queued.
 */
export class RequestGate {
  private readonly inFlight = new Map<string, number>();

  tryEnter(node: string, limit: number): boolean {
    const n = this.inFlight.get(node) ?? 0;
    if (n >= limit) return false;
    this.inFlight.set(node, n + 1);
    return true;
  }

  leave(node: string): void {
    const n = (this.inFlight.get(node) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(node);
    else this.inFlight.set(node, n);
  }

  count(node: string): number {
    return this.inFlight.get(node) ?? 0;
  }
}

/** How long the EM service keeps what it learned about a user (guide, section 3: 2 minutes). */
export const EM_CACHE_TTL_MS = 2 * 60_000;

/**
 * The EM service's cache of users it authenticated: for 2 minutes of lab time the credential it
 * saw is still accepted, so after a PIN change both the old and the new PIN work until the entry
 * ages out. Bounded by the Extension Mobility Cache Size service parameter (oldest out first).
 */
export class EmCache {
  private readonly entries = new Map<string, { pin: string; at: number }>();

  constructor(private readonly clock: Clock) {}

  remember(userId: string, pin: string, capacity: number): void {
    const key = userId.toLowerCase();
    this.entries.delete(key);
    this.entries.set(key, { pin, at: this.clock.now() });
    while (this.entries.size > capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Whether the cache still holds `pin` for the user (an entry younger than 2 minutes). */
  holds(userId: string, pin: string): boolean {
    const e = this.entries.get(userId.toLowerCase());
    if (!e) return false;
    if (this.clock.now() - e.at >= EM_CACHE_TTL_MS) {
      this.entries.delete(userId.toLowerCase());
      return false;
    }
    return e.pin === pin;
  }

  forget(userId: string): void {
    this.entries.delete(userId.toLowerCase());
  }
}

const SECRET_ELEMENTS = /<(credential|newCredential|appCertificate)>[^<]*<\/\1>/g;
/** A PIN in a URL's query, also inside XML (where & is written &amp; and the URL ends at < or "). */
const SECRET_QUERY = /((?:[?&]|&amp;)(?:seq|newpin|confirmpin)=)[^&<"]*/gi;

/** The XML or URL (or XML carrying URLs) with every PIN, new PIN and application password replaced by ****. */
export function maskSecrets(text: string): string {
  return text.replace(SECRET_ELEMENTS, '<$1>****</$1>').replace(SECRET_QUERY, '$1****');
}
