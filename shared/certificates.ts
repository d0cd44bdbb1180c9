/**
 * The certificates every node owns and the trust stores every cluster keeps (guide, step 3), with
 * the bulk import mapping: which trust stores a certificate of each kind goes into, which kinds
 * need a new export when regenerated, and which phones an import restarts.
 */
export const CERTIFICATE_PURPOSES = [
  { id: 'tomcat', label: 'tomcat', key: 'rsa', trust: ['tomcat-trust'], reexport: true },
  { id: 'tomcat-ecdsa', label: 'tomcat-ECDSA', key: 'ec', trust: ['tomcat-trust'], reexport: true },
  { id: 'callmanager', label: 'CallManager', key: 'rsa', trust: ['callmanager-trust', 'phone-sast-trust'], reexport: false },
  { id: 'capf', label: 'CAPF', key: 'rsa', trust: ['callmanager-trust'], reexport: true },
  { id: 'tftp', label: 'TFTP', key: 'rsa', trust: [], reexport: true },
  { id: 'itlrecovery', label: 'ITLRecovery', key: 'rsa', trust: ['phonesast-trust', 'callmanager-trust'], reexport: false },
  { id: 'tvs', label: 'TVS', key: 'rsa', trust: [], reexport: false },
] as const satisfies readonly { id: string; label: string; key: 'rsa' | 'ec'; trust: readonly TrustStoreId[]; reexport: boolean }[];
// TFTP and TVS certificates travel in the export but the guide maps them to no trust store.

export type CertificatePurpose = (typeof CERTIFICATE_PURPOSES)[number]['id'];
export const PURPOSE_IDS = CERTIFICATE_PURPOSES.map((p) => p.id) as [CertificatePurpose, ...CertificatePurpose[]];

export const TRUST_STORES = [
  { id: 'tomcat-trust', label: 'tomcat-trust' },
  { id: 'callmanager-trust', label: 'CallManager-trust' },
  { id: 'phone-sast-trust', label: 'Phone-SAST-trust' },
  { id: 'phonesast-trust', label: 'PhoneSast-trust' },
] as const;
export type TrustStoreId = 'tomcat-trust' | 'callmanager-trust' | 'phone-sast-trust' | 'phonesast-trust';

/** Self-signed certificates are made valid for this long (Unified CM: five years). */
export const CERTIFICATE_VALID_DAYS = 5 * 365;

export function purposeOf(id: string): (typeof CERTIFICATE_PURPOSES)[number] | undefined {
  return CERTIFICATE_PURPOSES.find((p) => p.id === id);
}
