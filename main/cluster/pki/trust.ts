/**
 * Whether a peer's TLS certificate is trusted by a cluster: valid at lab time, issued to the host
 * that was called, and either in the trust store itself (a self-signed certificate, as bulk
 * import puts them there) or issued by a certificate that is. The reason names the certificate,
 * so the trace can say which one was not trusted.
 */
import { X509Certificate } from 'node:crypto';
import { fingerprintOf } from './certificate-factory';

export type TrustVerdict = { ok: true } | { ok: false; reason: string };

export function verifyPeer(peerDer: Buffer, host: string, trusted: readonly string[], now: number, storeName: string): TrustVerdict {
  let x: X509Certificate;
  try {
    x = new X509Certificate(peerDer);
  } catch {
    return { ok: false, reason: `${host} presented no readable certificate` };
  }
  const name = `certificate "${x.subject.replace(/\n/g, ', ')}" (SHA-256 ${fingerprintOf(x.raw)})`;
  const from = Date.parse(x.validFrom);
  const to = Date.parse(x.validTo);
  if (now > to) return { ok: false, reason: `${name} of ${host} expired on ${new Date(to).toISOString()}` };
  if (now < from) return { ok: false, reason: `${name} of ${host} is not valid before ${new Date(from).toISOString()}` };
  if (!x.checkHost(host) && !x.checkIP(host)) return { ok: false, reason: `${name} is not issued to ${host}` };
  const store = trusted.map((pem) => new X509Certificate(pem));
  if (store.some((t) => t.fingerprint256 === x.fingerprint256)) return { ok: true };
  // A certificate signed by another (a CA) is trusted when that CA is; a self-signed one only
  // when it is itself in the store (regenerated and not re-imported is not trusted).
  if (x.issuer !== x.subject && store.some((t) => t.subject === x.issuer && x.verify(t.publicKey))) return { ok: true };
  return { ok: false, reason: `${name} of ${host} is not in ${storeName}` };
}
