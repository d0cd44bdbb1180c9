/**
 * The bulk certificate files: PKCS#12 bundles of certificates only (no private key ever leaves a
 * node), one safe bag per certificate with its origin as the bag's friendlyName
 * ("HOME/home-pub/tomcat"), integrity-protected by the PKCS#12 MAC under the bundle password.
 * node-forge parses them and checks the MAC; it writes bundles only with one name for all bags
 * and only for RSA certificates, so the few ASN.1 nodes of the bag list are put together here
 * with forge's ASN.1, key derivation and HMAC.
 */
import forge from 'node-forge';
import { derToPem, pemToDer } from './certificate-factory';

export interface BundledCertificate {
  /** Where it came from: "CLUSTERID/host/purpose". */
  friendlyName: string;
  pem: string;
}

export class BundleError extends Error {}

const { asn1, pki } = forge;
const U = asn1.Class.UNIVERSAL;
const C = asn1.Class.CONTEXT_SPECIFIC;
const MAC_ITERATIONS = 2048;

const oid = (o: string) => asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
const octets = (bytes: string) => asn1.create(U, asn1.Type.OCTETSTRING, false, bytes);
const seq = (items: forge.asn1.Asn1[]) => asn1.create(U, asn1.Type.SEQUENCE, true, items);
const explicit0 = (item: forge.asn1.Asn1) => asn1.create(C, 0, true, [item]);
/** BMPString: UTF-16 big-endian. */
const bmp = (s: string) => asn1.create(U, asn1.Type.BMPSTRING, false, [...s].map((ch) => String.fromCharCode(ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff)).join(''));

/** forge hands a BMPString attribute over as its raw bytes: decode them as UTF-16 big-endian. */
function fromBmp(raw: string): string {
  if (raw.length % 2 !== 0) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i += 2) out += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
  return out;
}

function certBag(c: BundledCertificate): forge.asn1.Asn1 {
  const der = pemToDer(c.pem).toString('binary');
  return seq([
    oid(pki.oids.certBag!),
    explicit0(seq([oid(pki.oids.x509Certificate!), explicit0(octets(der))])),
    asn1.create(U, asn1.Type.SET, true, [seq([oid(pki.oids.friendlyName!), asn1.create(U, asn1.Type.SET, true, [bmp(c.friendlyName)])])]),
  ]);
}

/** A PKCS#12 file holding `certs`, its MAC keyed by `password`. */
export function writeBundle(certs: readonly BundledCertificate[], password: string): Buffer {
  const safeContents = seq(certs.map(certBag));
  const authSafe = seq([seq([oid(pki.oids.data!), explicit0(octets(asn1.toDer(safeContents).getBytes()))])]);
  const authSafeDer = asn1.toDer(authSafe).getBytes();
  const salt = forge.random.getBytesSync(8);
  const md = forge.md.sha1.create();
  const key = forge.pkcs12.generateKey(password, forge.util.createBuffer(salt), 3, MAC_ITERATIONS, 20, md);
  const hmac = forge.hmac.create();
  hmac.start(md, key);
  hmac.update(authSafeDer);
  const pfx = seq([
    asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(3).getBytes()),
    seq([oid(pki.oids.data!), explicit0(octets(authSafeDer))]),
    seq([
      seq([seq([oid(pki.oids.sha1!), asn1.create(U, asn1.Type.NULL, false, '')]), octets(hmac.digest().getBytes())]),
      octets(salt),
      asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(MAC_ITERATIONS).getBytes()),
    ]),
  ]);
  return Buffer.from(asn1.toDer(pfx).getBytes(), 'binary');
}

/** The certificates of a PKCS#12 file; a damaged file or a wrong password throws a BundleError saying which. */
export function readBundle(file: Buffer, password: string): BundledCertificate[] {
  let parsed: forge.asn1.Asn1;
  try {
    parsed = asn1.fromDer(forge.util.createBuffer(file.toString('binary')), true);
  } catch {
    throw new BundleError('the file is not a PKCS#12 bundle (damaged or truncated)');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(parsed, true, password);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new BundleError(/MAC could not be verified|Invalid password/i.test(message) ? 'wrong password for the PKCS#12 bundle (its MAC does not verify)' : 'the PKCS#12 bundle cannot be read (damaged or of an unsupported kind)');
  }
  const bags = p12.getBags({ bagType: pki.oids.certBag! })[pki.oids.certBag!] ?? [];
  return bags.map((bag) => {
    const b = bag as forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 };
    // forge gives RSA certificates as objects and others (ECDSA) as their ASN.1.
    const der = b.cert ? asn1.toDer(pki.certificateToAsn1(b.cert)).getBytes() : b.asn1 ? asn1.toDer(b.asn1).getBytes() : '';
    if (!der) throw new BundleError('the PKCS#12 bundle holds a certificate bag without a certificate');
    return { friendlyName: fromBmp(String(b.attributes.friendlyName?.[0] ?? '')), pem: derToPem(Buffer.from(der, 'binary')) };
  });
}
