/**
 * Whether a peer's TLS certificate is trusted by a cluster: valid at lab time, issued to the host
 * that was called, and either in the trust store itself (a self-signed certificate, as bulk
 * import puts them there) or issued by a certificate that is. The reason names the certificate,
 * so the trace can say which one was not trusted.
 *
 * This runs before every request between clusters, so what never changes is worked out once: a
 * certificate is immutable, and so are its fingerprint, validity dates, subject, issuer and which
 * hosts it is issued to. The decision itself (lab time against the dates, the trust store as it is
 * now) is taken again on every call.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { fingerprintOf } from './certificate-factory';

export type TrustVerdict = { ok: true } | { ok: false; reason: string };

/** A trust store entry: its certificate and that certificate's SHA-256 fingerprint, as stored. */
export interface TrustEntry {
  fingerprint: string;
  pem: string;
}

/** What a peer certificate says, read once per certificate. */
interface PeerFacts {
  /** A copy of the DER the facts were read from (a caller could reuse its buffer). */
  der: Buffer;
  x: X509Certificate;
  fingerprint: string;
  name: string;
  from: number;
  to: number;
  selfSigned: boolean;
  /** Whether the certificate is issued to a host name or address, per name asked so far. */
  issuedTo: Map<string, boolean>;
}

/**
 * Facts per DER buffer: the lab network hands the same buffer for every request on one TLS
 * connection, so a kept-alive connection reads its peer's certificate once. Held weakly: gone
 * with the connection.
 */
const factsByBuffer = new WeakMap<Buffer, PeerFacts>();

function factsOf(peerDer: Buffer): PeerFacts | undefined {
  const known = factsByBuffer.get(peerDer);
  if (known?.der.equals(peerDer)) return known;
  let x: X509Certificate;
  try {
    x = new X509Certificate(peerDer);
  } catch {
    return undefined;
  }
  const fingerprint = fingerprintOf(x.raw);
  const facts: PeerFacts = {
    der: Buffer.from(peerDer), x, fingerprint,
    name: `certificate "${x.subject.replace(/\n/g, ', ')}" (SHA-256 ${fingerprint})`,
    from: Date.parse(x.validFrom), to: Date.parse(x.validTo), selfSigned: x.issuer === x.subject, issuedTo: new Map(),
  };
  factsByBuffer.set(peerDer, facts);
  return facts;
}

function issuedTo(facts: PeerFacts, host: string): boolean {
  let yes = facts.issuedTo.get(host);
  if (yes === undefined) {
    // checkIP throws on a name that is not an address.
    yes = !!(isIP(host) ? facts.x.checkIP(host) : facts.x.checkHost(host));
    if (facts.issuedTo.size < 64) facts.issuedTo.set(host, yes);
  }
  return yes;
}

/** Parsed trust store certificates (CA candidates), by PEM: a PEM always parses the same way. */
const parsedPem = new Map<string, X509Certificate | null>();

function parsePem(pem: string): X509Certificate | null {
  let x = parsedPem.get(pem);
  if (x === undefined) {
    try {
      x = new X509Certificate(pem);
    } catch {
      x = null;
    }
    if (parsedPem.size >= 256) parsedPem.clear();
    parsedPem.set(pem, x);
  }
  return x;
}

/**
 * The trust decision on a peer certificate at lab time `now`. `storeName` names the store in the
 * reason of a refusal; pass a function to build that name only when a refusal needs it.
 */
export function verifyPeer(
  peerDer: Buffer, host: string, trusted: readonly TrustEntry[], now: number, storeName: string | (() => string),
): TrustVerdict {
  const facts = factsOf(peerDer);
  if (!facts) return { ok: false, reason: `${host} presented no readable certificate` };
  const { name, from, to, fingerprint, x } = facts;
  if (now > to) return { ok: false, reason: `${name} of ${host} expired on ${new Date(to).toISOString()}` };
  if (now < from) return { ok: false, reason: `${name} of ${host} is not valid before ${new Date(from).toISOString()}` };
  if (!issuedTo(facts, host)) return { ok: false, reason: `${name} is not issued to ${host}` };
  // The usual case: the stored fingerprints answer without parsing the store.
  if (trusted.some((t) => t.fingerprint === fingerprint)) return { ok: true };
  // A certificate signed by another (a CA) is trusted when that CA is; a self-signed one only
  // when it is itself in the store (regenerated and not re-imported is not trusted).
  if (!facts.selfSigned && trusted.some((t) => {
    const ca = parsePem(t.pem);
    return !!ca && ca.subject === x.issuer && x.verify(ca.publicKey);
  })) return { ok: true };
  return { ok: false, reason: `${name} of ${host} is not in ${typeof storeName === 'function' ? storeName() : storeName}` };
}
