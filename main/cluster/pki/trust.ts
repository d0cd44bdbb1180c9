/**
 * Whether a peer's TLS certificate is trusted by a cluster: valid at lab time, issued to the host
 * that was called, and either in the trust store itself (a self-signed certificate, as bulk
 * import puts them there) or issued by a certificate that is. The reason names the certificate,
 * so the trace can say which one was not trusted.
 */
import { X509Certificate } from 'node:crypto';
import { fingerprintOf } from './certificate-factory';

export type TrustVerdict = { ok: true } | { ok: false; reason: string };

/** A trust store entry: its certificate and that certificate's SHA-256 fingerprint, as stored. */
export interface TrustEntry {
  fingerprint: string;
  pem: string;
}

export function verifyPeer(peerDer: Buffer, host: string, trusted: readonly TrustEntry[], now: number, storeName: string): TrustVerdict {
  let x: X509Certificate;
  try {
    x = new X509Certificate(peerDer);
  } catch {
    return { ok: false, reason: `${host} presented no readable certificate` };
  }
  const fingerprint = fingerprintOf(x.raw);
  const name = `certificate "${x.subject.replace(/\n/g, ', ')}" (SHA-256 ${fingerprint})`;
  const from = Date.parse(x.validFrom);
  const to = Date.parse(x.validTo);
  if (now > to) return { ok: false, reason: `${name} of ${host} expired on ${new Date(to).toISOString()}` };
  if (now < from) return { ok: false, reason: `${name} of ${host} is not valid before ${new Date(from).toISOString()}` };
  if (!x.checkHost(host) && !x.checkIP(host)) return { ok: false, reason: `${name} is not issued to ${host}` };
  // This runs before every request between clusters: the stored fingerprints answer the usual
  // case without parsing the store.
  if (trusted.some((t) => t.fingerprint === fingerprint)) return { ok: true };
  // A certificate signed by another (a CA) is trusted when that CA is; a self-signed one only
  // when it is itself in the store (regenerated and not re-imported is not trusted).
  if (x.issuer !== x.subject && trusted.some((t) => {
    const ca = new X509Certificate(t.pem);
    return ca.subject === x.issuer && x.verify(ca.publicKey);
  })) return { ok: true };
  return { ok: false, reason: `${name} of ${host} is not in ${storeName}` };
}
