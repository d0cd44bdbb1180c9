/**
 * A cluster's certificates and trust (guide, step 3): every node's own certificates, made at first
 * start; the trust stores; regeneration and download (OS Administration > Security > Certificate
 * Management); the trust decision for the EM service's HTTPS calls; and Bulk Certificate
 * Management's Export, Consolidate and Import, run as jobs against an SFTP server.
 */
import { CERTIFICATE_PURPOSES, CERTIFICATE_VALID_DAYS, purposeOf, TRUST_STORES, type CertificatePurpose, type TrustStoreId } from '../../../shared/certificates';
import type { FieldError } from '../../../shared/admin/fields';
import type { SftpSettings } from '../../net/sftp-client';
import type { ClusterStore } from '../store/cluster-store';
import { describeCertificate, fingerprintOf, makeCertificate, pemToDer, type CertificateInfo } from './certificate-factory';
import type { KeySource } from './key-source';
import { BundleError, readBundle, writeBundle, type BundledCertificate } from './pkcs12';
import { verifyPeer } from './trust';

/** Where the bulk files go: the SFTP server of the cluster's Bulk Certificate Management settings. */
export interface FileSession {
  put(name: string, data: Buffer): Promise<void>;
  get(name: string): Promise<Buffer>;
  list(): Promise<{ name: string; size: number; modifiedAt: number }[]>;
  close(): void;
}

export type { SftpSettings };

export interface PkiDeps {
  store: ClusterStore;
  now(): number;
  keys: KeySource;
  clusterId(): string;
  openFiles(settings: SftpSettings): Promise<FileSession>;
  /** Restart phones after an import (CallManager certificates: the phones of the cluster). */
  restartPhones(): number;
  /** A certificate of a node changed (its HTTPS server presents the new Tomcat one). */
  certificateChanged(host: string, purpose: CertificatePurpose): void;
  /** A trust store changed (an entry deleted, or an import). */
  trustChanged(): void;
  trace(text: string): void;
  jobs: PkiJobs;
}

/** The Job Scheduler the bulk steps run in. */
export interface PkiJobs {
  run(kind: 'certExport' | 'certConsolidate' | 'certImport', description: string, steps: number, work: (progress: (step: number) => void) => Promise<string>): number;
}

export const CONSOLIDATED_FILE = 'consolidated.p12';
export const DEFAULT_SFTP: SftpSettings & { bundlePassword: string } = {
  host: 'sftp.lab', port: 22, user: 'emcc', password: 'emcc-lab', directory: '/bulk-certificates', bundlePassword: 'EMCC-Lab-Bulk',
};

/** Bulk Certificate Management's SFTP settings as saved (settings `sftp.*`), defaults where never set. */
export function storedSftpSettings(store: ClusterStore): SftpSettings & { bundlePassword: string } {
  const s = <K extends keyof typeof DEFAULT_SFTP>(k: K) => store.setting(`sftp.${k}`) ?? String(DEFAULT_SFTP[k]);
  return {
    host: s('host'), port: Number(s('port')), user: s('user'), password: s('password'), directory: s('directory'), bundlePassword: s('bundlePassword'),
  };
}

export interface OwnCertificate extends CertificateInfo {
  host: string;
  purpose: CertificatePurpose;
  label: string;
}

export interface TrustedCertificate extends CertificateInfo {
  store: TrustStoreId;
  source: string;
}

/** A cluster's certificates with their keys, its trust stores and where its bulk exchange stands (what a lab file keeps). */
export interface PkiBackup {
  certificates: { host: string; purpose: CertificatePurpose; pem: string; keyPem: string }[];
  trust: { store: TrustStoreId; pem: string; source: string }[];
  /** Lab time of the last bulk export, or null: never exported. */
  lastExport: number | null;
  exportNeeded: boolean;
}

const clusterFileOf = (clusterId: string) => `${clusterId}.p12`;

export class ClusterPki {
  constructor(private readonly d: PkiDeps) {}

  // --- own certificates ---

  /** Make every missing certificate of every node (first start, or a server just added). */
  ensureCertificates(): void {
    const { store } = this.d;
    for (const node of store.nodes()) {
      for (const p of CERTIFICATE_PURPOSES) {
        if (!store.certificate(node.name, p.id)) this.issue(node.name, node.host, node.ipv4 ?? '127.0.0.1', p.id);
      }
    }
  }

  private issue(node: string, host: string, ip: string, purpose: CertificatePurpose, validDays = CERTIFICATE_VALID_DAYS): void {
    const { store } = this.d;
    const made = makeCertificate({ purpose, host, ip, clusterId: this.d.clusterId(), notBefore: this.d.now(), validDays }, this.d.keys);
    const fingerprint = fingerprintOf(pemToDer(made.pem));
    store.transaction(() => {
      const old = store.certificate(node, purpose);
      if (old) for (const t of purposeOf(purpose)!.trust) store.removeTrusted(t, old.fingerprint);
      store.putCertificate({ node, purpose, pem: made.pem, key_pem: made.keyPem, fingerprint, created_at: this.d.now() });
      // A cluster trusts its own nodes' certificates.
      for (const t of purposeOf(purpose)!.trust) {
        store.addTrusted({ store: t, fingerprint, pem: made.pem, source: `${this.d.clusterId()}/${host}/${purpose}`, added_at: this.d.now() });
      }
    });
  }

  certificates(): OwnCertificate[] {
    const hosts = new Map(this.d.store.nodes().map((n) => [n.name, n.host]));
    return this.d.store.certificates().map((c) => ({
      ...describeCertificate(c.pem), host: hosts.get(c.node) ?? c.node, purpose: c.purpose as CertificatePurpose, label: purposeOf(c.purpose)?.label ?? c.purpose,
    }));
  }

  trusted(): TrustedCertificate[] {
    return this.d.store.trusted().map((t) => ({ ...describeCertificate(t.pem), store: t.store as TrustStoreId, source: t.source }));
  }

  /**
   * Regenerate one certificate. Tomcat, Tomcat-ECDSA, TFTP and CAPF ones need a new bulk export
   * (guide, step 3): the other clusters still trust the old one until they import the new.
   */
  regenerate(host: string, purpose: string, validDays = CERTIFICATE_VALID_DAYS): FieldError[] {
    const node = this.d.store.nodes().find((n) => n.host.toLowerCase() === host.toLowerCase());
    const p = purposeOf(purpose);
    if (!node) return [{ field: 'host', message: `No server named "${host}"` }];
    if (!p) return [{ field: 'purpose', message: `No certificate "${purpose}"` }];
    if (!Number.isInteger(validDays) || validDays < 1 || validDays > 3650) return [{ field: 'validDays', message: 'Validity must be from 1 to 3650 days' }];
    this.issue(node.name, node.host, node.ipv4 ?? '127.0.0.1', p.id, validDays);
    if (p.reexport) this.d.store.setSetting('certExportNeeded', 'true');
    this.d.trace(`${this.d.clusterId()}: ${p.label} certificate of ${node.host} regenerated${p.reexport ? '; a new bulk export is needed' : ''}`);
    this.d.certificateChanged(node.host, p.id);
    return [];
  }

  /** A certificate to download, PEM or DER (never its private key). */
  download(host: string, purpose: string, format: 'pem' | 'der'): { fileName: string; base64: string } | undefined {
    const node = this.d.store.nodes().find((n) => n.host.toLowerCase() === host.toLowerCase());
    const c = node ? this.d.store.certificate(node.name, purpose) : undefined;
    if (!c || !node) return undefined;
    const data = format === 'pem' ? Buffer.from(c.pem) : pemToDer(c.pem);
    return { fileName: `${node.host}-${purpose}.${format}`, base64: data.toString('base64') };
  }

  /** Take a certificate out of a trust store (to break trust on purpose). */
  untrust(store: string, fingerprint: string): FieldError[] {
    if (!TRUST_STORES.some((t) => t.id === store)) return [{ field: 'store', message: `No trust store "${store}"` }];
    if (!this.d.store.removeTrusted(store, fingerprint)) return [{ field: 'fingerprint', message: `${store} holds no certificate ${fingerprint}` }];
    this.d.trace(`${this.d.clusterId()}: certificate ${fingerprint} removed from ${store}`);
    this.d.trustChanged();
    return [];
  }

  exportNeeded(): boolean {
    return this.d.store.setting('certExportNeeded') === 'true';
  }

  // --- lab files ---

  /** Everything a lab file keeps of the cluster's certificates: keys included (they are the lab's own). */
  backup(): PkiBackup {
    const { store } = this.d;
    const hosts = new Map(store.nodes().map((n) => [n.name, n.host]));
    const last = store.setting('certLastExport');
    return {
      certificates: store.certificates().map((c) => ({ host: hosts.get(c.node) ?? c.node, purpose: c.purpose as CertificatePurpose, pem: c.pem, keyPem: c.key_pem })),
      // Ordered by what an entry is, so the same trust reads back the same whatever order it was added in.
      trust: [...store.trusted()]
        .sort((a, b) => a.store.localeCompare(b.store) || a.source.localeCompare(b.source) || a.fingerprint.localeCompare(b.fingerprint))
        .map((t) => ({ store: t.store as TrustStoreId, pem: t.pem, source: t.source })),
      lastExport: last ? Number(last) : null,
      exportNeeded: this.exportNeeded(),
    };
  }

  /**
   * Put back certificates and trust saved by `backup()` into a new cluster, before its nodes
   * start (a node without a saved certificate gets a new one at start, as always).
   */
  restore(saved: PkiBackup): FieldError[] {
    const { store } = this.d;
    const nodes = store.nodes();
    const unknown = saved.certificates.find((c) => !nodes.some((n) => n.host.toLowerCase() === c.host.toLowerCase()));
    if (unknown) return [{ field: 'host', message: `No server named "${unknown.host}"` }];
    store.transaction(() => {
      for (const c of saved.certificates) {
        const node = nodes.find((n) => n.host.toLowerCase() === c.host.toLowerCase())!;
        store.putCertificate({ node: node.name, purpose: c.purpose, pem: c.pem, key_pem: c.keyPem, fingerprint: fingerprintOf(pemToDer(c.pem)), created_at: this.d.now() });
      }
      for (const t of saved.trust) {
        store.addTrusted({ store: t.store, fingerprint: fingerprintOf(pemToDer(t.pem)), pem: t.pem, source: t.source, added_at: this.d.now() });
      }
      if (saved.lastExport !== null) store.setSetting('certLastExport', String(saved.lastExport));
      store.setSetting('certExportNeeded', String(saved.exportNeeded));
    });
    return [];
  }

  /** What a node's HTTPS server presents: its Tomcat certificate and key. */
  tomcatIdentity(nodeName: string): { key: string; cert: string } | undefined {
    const c = this.d.store.certificate(nodeName, 'tomcat');
    return c ? { key: c.key_pem, cert: c.pem } : undefined;
  }

  /** The trust decision for an HTTPS peer: null when trusted, else why not. */
  verifyPeer(der: Buffer, host: string): string | null {
    const verdict = verifyPeer(der, host, this.d.store.trusted('tomcat-trust'), this.d.now(), `tomcat-trust of ${this.d.clusterId()}`);
    return verdict.ok ? null : verdict.reason;
  }

  // --- Bulk Certificate Management ---

  sftpSettings(): SftpSettings & { bundlePassword: string } {
    return storedSftpSettings(this.d.store);
  }

  async files(): Promise<{ name: string; size: number; modifiedAt: number }[]> {
    const session = await this.d.openFiles(this.sftpSettings());
    try {
      return (await session.list()).filter((f) => f.name.endsWith('.p12'));
    } finally {
      session.close();
    }
  }

  /** Export (Certificate Type All): one PKCS#12 file of every node's certificates, named after the cluster. */
  submitExport(): number {
    return this.d.jobs.run('certExport', 'Bulk certificate export (all certificates)', 3, async (progress) => {
      const id = this.d.clusterId();
      const hosts = new Map(this.d.store.nodes().map((n) => [n.name, n.host]));
      const certs: BundledCertificate[] = this.d.store.certificates().map((c) => ({ friendlyName: `${id}/${hosts.get(c.node) ?? c.node}/${c.purpose}`, pem: c.pem }));
      const settings = this.sftpSettings();
      const file = writeBundle(certs, settings.bundlePassword);
      progress(1);
      const session = await this.d.openFiles(settings);
      try {
        progress(2);
        await session.put(clusterFileOf(id), file);
      } finally {
        session.close();
      }
      this.d.store.setSetting('certExportNeeded', 'false');
      this.d.store.setSetting('certLastExport', String(this.d.now()));
      progress(3);
      return `${certs.length} certificates of ${hosts.size} server${hosts.size === 1 ? '' : 's'} exported to ${settings.directory}/${clusterFileOf(id)}`;
    });
  }

  /** Consolidate: merge every cluster's export in the directory into one file (two or more needed). */
  submitConsolidate(): number {
    return this.d.jobs.run('certConsolidate', 'Bulk certificate consolidate', 3, async (progress) => {
      const settings = this.sftpSettings();
      const session = await this.d.openFiles(settings);
      try {
        const exports = (await session.list()).filter((f) => f.name.endsWith('.p12') && f.name !== CONSOLIDATED_FILE);
        if (exports.length < 2) throw new Error(`Consolidate needs the exports of two or more clusters in ${settings.directory}; found ${exports.length}`);
        progress(1);
        const all: BundledCertificate[] = [];
        for (const f of exports) {
          try {
            all.push(...readBundle(await session.get(f.name), settings.bundlePassword));
          } catch (e) {
            throw new Error(`${f.name}: ${e instanceof BundleError ? e.message : 'cannot be read'}`);
          }
        }
        progress(2);
        await session.put(CONSOLIDATED_FILE, writeBundle(all, settings.bundlePassword));
        progress(3);
        return `${all.length} certificates of ${exports.length} clusters (${exports.map((f) => f.name.replace(/\.p12$/, '')).join(', ')}) consolidated into ${CONSOLIDATED_FILE}`;
      } finally {
        session.close();
      }
    });
  }

  /**
   * Import the consolidated file into the trust stores with the guide's mapping, then restart the
   * phones (new CallManager certificates: every phone of the cluster). Nothing changes unless
   * the whole file was read.
   */
  submitImport(): number {
    return this.d.jobs.run('certImport', 'Bulk certificate import', 4, async (progress) => {
      const settings = this.sftpSettings();
      const session = await this.d.openFiles(settings);
      let file: Buffer;
      try {
        file = await session.get(CONSOLIDATED_FILE);
      } finally {
        session.close();
      }
      progress(1);
      const certs = readBundle(file, settings.bundlePassword);
      progress(2);
      const { store } = this.d;
      let added = 0;
      let callManagerAdded = false;
      store.transaction(() => {
        for (const c of certs) {
          const purpose = purposeOf(c.friendlyName.split('/')[2] ?? '');
          if (!purpose) continue;
          const fingerprint = fingerprintOf(pemToDer(c.pem));
          for (const t of purpose.trust) {
            if (store.addTrusted({ store: t, fingerprint, pem: c.pem, source: c.friendlyName, added_at: this.d.now() })) {
              added++;
              if (purpose.id === 'callmanager') callManagerAdded = true;
            }
          }
        }
      });
      progress(3);
      if (added) this.d.trustChanged();
      // CAPF and TVS restarts need CAPF active and CallManager groups, which the lab does not have.
      const restarted = callManagerAdded ? this.d.restartPhones() : 0;
      progress(4);
      this.d.trace(`${this.d.clusterId()}: bulk import added ${added} trust entries from ${CONSOLIDATED_FILE}`);
      return `${certs.length} certificates read, ${added} trust store entries added${restarted ? `, ${restarted} phone${restarted === 1 ? '' : 's'} restarted` : ''}`;
    });
  }
}
