/**
 * Makes a node's self-signed certificates as Unified CM does at install: subject CN = the node's
 * host name, the purpose in OU, the cluster in O, and the host name and loopback address in the
 * subjectAltName. node-forge builds them; node:crypto signs them (RSA, and ECDSA for Tomcat-ECDSA).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import type { CertificatePurpose } from '../../../shared/certificates';
import { purposeOf } from '../../../shared/certificates';
import type { KeySource } from './key-source';

export interface MadeCertificate {
  pem: string;
  keyPem: string;
}

export interface CertificateRequest {
  purpose: CertificatePurpose;
  host: string;
  ip: string;
  clusterId: string;
  /** Lab time of issue (ms). */
  notBefore: number;
  validDays: number;
}

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

function subject(r: CertificateRequest): forge.pki.CertificateField[] {
  const cn = r.purpose === 'tomcat-ecdsa' ? `${r.host}-EC` : r.purpose === 'itlrecovery' ? `ITLRECOVERY_${r.host}` : r.purpose === 'capf' ? `CAPF-${r.host}` : r.host;
  return [
    { name: 'commonName', value: cn },
    { name: 'organizationalUnitName', value: purposeOf(r.purpose)!.label },
    { name: 'organizationName', value: r.clusterId },
    { name: 'countryName', value: 'US' },
  ];
}

function template(r: CertificateRequest, publicKey: forge.pki.PublicKey): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive serial of 16 random bytes.
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  cert.validity.notBefore = new Date(r.notBefore);
  cert.validity.notAfter = new Date(r.notBefore + r.validDays * 86_400_000);
  cert.setSubject(subject(r));
  cert.setIssuer(subject(r));
  cert.setExtensions([
    { name: 'basicConstraints', cA: r.purpose !== 'tomcat' && r.purpose !== 'tomcat-ecdsa' },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: r.host }, { type: 7, ip: r.ip }] },
  ]);
  return cert;
}

let placeholder: string | undefined;
/** A throwaway RSA public key to stand in for an EC key while forge builds the certificate. */
function placeholderRsaKey(): string {
  placeholder ??= generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return placeholder;
}

/**
 * Make one self-signed certificate with a key from `keys`. forge builds the to-be-signed part;
 * node:crypto signs it (forge's pure-JS RSA takes ~100 ms a signature and cannot do ECDSA).
 */
export function makeCertificate(r: CertificateRequest, keys: KeySource): MadeCertificate {
  const ec = purposeOf(r.purpose)!.key === 'ec';
  const pair = ec ? keys.ec() : keys.rsa();
  // An EC key cannot be a forge public key: build with an RSA placeholder and put the EC key in its place.
  const draft = template(r, forge.pki.publicKeyFromPem(ec ? placeholderRsaKey() : pair.publicKeyPem));
  draft.siginfo.algorithmOid = forge.pki.oids.sha256WithRSAEncryption!;
  // getTBSCertificate is public in node-forge but missing from its type definitions.
  const tbs = (forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }).getTBSCertificate(draft);
  const asn1 = forge.asn1;
  const algorithm = ec
    ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(ECDSA_WITH_SHA256).getBytes())])
    : (tbs.value as forge.asn1.Asn1[])[2]!;
  if (ec) {
    const spki = createPublicKey(pair.publicKeyPem).export({ type: 'spki', format: 'der' });
    const fields = tbs.value as forge.asn1.Asn1[];
    fields[2] = algorithm;
    fields[6] = asn1.fromDer(forge.util.createBuffer(spki.toString('binary')));
  }
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = sign('sha256', tbsDer, createPrivateKey(pair.privateKeyPem));
  const certificate = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    asn1.fromDer(asn1.toDer(algorithm)),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, `\u0000${signature.toString('binary')}`),
  ]);
  const der = Buffer.from(asn1.toDer(certificate).getBytes(), 'binary');
  return { pem: derToPem(der), keyPem: pair.privateKeyPem };
}

export function derToPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** What the Certificate Management page lists of a certificate. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  serial: string;
  notBefore: number;
  notAfter: number;
  /** SHA-256 of the DER, as colon-separated hex. */
  fingerprint: string;
  keyType: string;
}

export function describeCertificate(pem: string): CertificateInfo {
  const x = new X509Certificate(pem);
  return {
    subject: x.subject.replace(/\n/g, ', '),
    issuer: x.issuer.replace(/\n/g, ', '),
    serial: x.serialNumber,
    notBefore: Date.parse(x.validFrom),
    notAfter: Date.parse(x.validTo),
    fingerprint: fingerprintOf(x.raw),
    keyType: x.publicKey.asymmetricKeyType === 'ec' ? 'EC P-256' : `RSA ${x.publicKey.asymmetricKeyDetails?.modulusLength ?? ''}`.trim(),
  };
}

export function fingerprintOf(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
}
