/**
 * OS Administration > Security > Certificate Management: every node's own certificates (Regenerate,
 * Download PEM / DER) and the cluster's trust stores (Delete), each confirmed inside the page on
 * the row it acts on. A banner says when a regenerated certificate still has to go through Bulk
 * Certificate Management for the other clusters to trust it again.
 */
import { RefreshablePageHeader } from './RefreshablePageHeader';
import { Fragment, useState } from 'react';
import type { CertificateList } from '../../../shared/api/admin-contract';
import { CERTIFICATE_PURPOSES, purposeOf, TRUST_STORES, type CertificatePurpose } from '../../../shared/certificates';
import { useAdmin } from '../store/admin-store';
import { commonName, dateText, shortFingerprint, timeText } from './format';
import { NoticeBanner } from './NoticeBanner';

type Own = CertificateList['certificates'][number];
type Trusted = CertificateList['trusted'][number];

/** What waits for a confirmation: a certificate to regenerate, or a trust entry to delete. */
type Pending = { type: 'regenerate'; host: string; purpose: CertificatePurpose } | { type: 'untrust'; store: string; index: number } | null;

const purposeRank = (id: string) => {
  const i = CERTIFICATE_PURPOSES.findIndex((p) => p.id === id);
  return i < 0 ? CERTIFICATE_PURPOSES.length : i;
};
const storeRank = (id: string) => {
  const i = TRUST_STORES.findIndex((s) => s.id === id);
  return i < 0 ? TRUST_STORES.length : i;
};
const storeLabel = (id: string) => TRUST_STORES.find((s) => s.id === id)?.label ?? id;

function Fingerprint({ value }: { value: string }) {
  return <code className="admin-fingerprint" title={`SHA-256 ${value}`}>{shortFingerprint(value)}</code>;
}

function Validity({ from, to }: { from: number; to: number }) {
  return <span className="admin-nowrap" title={`${timeText(from)} to ${timeText(to)}`}>{dateText(from)} → {dateText(to)}</span>;
}

/** The banner of a certificate regenerated since the last export, with the way to the fix. */
export function ExportNeededBanner({ link }: { link: boolean }) {
  const open = useAdmin((s) => s.open);
  return (
    <div className="admin-notice warning" role="status" data-testid="export-needed">
      <div className="admin-notice-text">⚠ Export needed</div>
      <div>
        A Tomcat, Tomcat-ECDSA, TFTP or CAPF certificate was regenerated after the last bulk export. The other clusters still
        trust the old one, so their EMCC requests to this cluster fail until every cluster exports again, one consolidates and
        every cluster imports.
        {link ? (
          <>
            {' '}
            <button type="button" className="admin-link-button" data-testid="open-bulk-certificates" onClick={() => void open({ type: 'special', page: 'bulkCertificates' })}>
              Open Bulk Certificate Management
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}

function RegenerateConfirm({ cert, onDone }: { cert: Own; onDone: () => void }) {
  const busy = useAdmin((s) => s.busy);
  const regenerate = useAdmin((s) => s.regenerateCertificate);
  const reexport = purposeOf(cert.purpose)?.reexport ?? false;
  const confirm = async () => {
    if (await regenerate(cert.host, cert.purpose as CertificatePurpose)) onDone();
  };
  return (
    <div className="admin-confirm" role="alertdialog" aria-label="Confirm regenerate" data-testid="cert-confirm">
      <span>
        Regenerate the <strong>{cert.label}</strong> certificate of <strong>{cert.host}</strong>? A new key and a new self-signed
        certificate replace the current ones at once.
        {reexport ? ' The other clusters trust the current certificate only: export, consolidate and import again afterwards.' : ''}
      </span>
      <button type="button" className="admin-button danger" data-testid="cert-confirm-regenerate" disabled={busy} onClick={() => void confirm()}>Regenerate</button>
      <button type="button" className="admin-button" data-testid="cert-cancel-regenerate" onClick={onDone}>Cancel</button>
    </div>
  );
}

function UntrustConfirm({ entry, onDone }: { entry: Trusted; onDone: () => void }) {
  const busy = useAdmin((s) => s.busy);
  const untrust = useAdmin((s) => s.untrustCertificate);
  const confirm = async () => {
    if (await untrust(entry.store, entry.fingerprint)) onDone();
  };
  return (
    <div className="admin-confirm" role="alertdialog" aria-label="Confirm delete" data-testid="trust-confirm">
      <span>
        Delete <strong>{commonName(entry.subject)}</strong> ({entry.source}) from <strong>{storeLabel(entry.store)}</strong>? This cluster stops
        trusting it until the next bulk import brings it back.
      </span>
      <button type="button" className="admin-button danger" data-testid="trust-confirm-delete" disabled={busy} onClick={() => void confirm()}>Delete</button>
      <button type="button" className="admin-button" data-testid="trust-cancel-delete" onClick={onDone}>Cancel</button>
    </div>
  );
}

function CertificatesTable({ certificates, pending, setPending }: { certificates: Own[]; pending: Pending; setPending: (p: Pending) => void }) {
  const busy = useAdmin((s) => s.busy);
  const download = useAdmin((s) => s.downloadCertificate);
  const rows = [...certificates].sort((a, b) => a.host.localeCompare(b.host) || purposeRank(a.purpose) - purposeRank(b.purpose));
  return (
    <table className="admin-table admin-cert-table" data-testid="cert-table">
      <thead>
        <tr>
          <th scope="col">Server</th><th scope="col">Certificate</th><th scope="col">Common Name</th><th scope="col">Key Type</th>
          <th scope="col">Valid From → To</th><th scope="col">SHA-256 Fingerprint</th><th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const id = `${c.host}-${c.purpose}`;
          const purpose = c.purpose as CertificatePurpose;
          const confirming = pending?.type === 'regenerate' && pending.host === c.host && pending.purpose === c.purpose;
          return (
            <Fragment key={id}>
              <tr data-testid={`cert-row-${id}`} className={confirming ? 'selected' : undefined}>
                <td>{c.host}</td>
                <td><strong>{c.label}</strong></td>
                <td title={`Subject: ${c.subject}\nIssuer: ${c.issuer}\nSerial: ${c.serial}`}>{commonName(c.subject)}</td>
                <td className="admin-nowrap">{c.keyType}</td>
                <td><Validity from={c.notBefore} to={c.notAfter} /></td>
                <td data-testid={`cert-fingerprint-${id}`} data-fingerprint={c.fingerprint}><Fingerprint value={c.fingerprint} /></td>
                <td className="admin-actions">
                  <button type="button" className="admin-button small" data-testid={`cert-regenerate-${id}`} disabled={busy}
                    onClick={() => setPending({ type: 'regenerate', host: c.host, purpose })}>Regenerate</button>
                  <button type="button" className="admin-button small" data-testid={`cert-download-pem-${id}`} disabled={busy}
                    title={`Download ${c.host}-${c.purpose}.pem`} onClick={() => void download(c.host, purpose, 'pem')}>Download PEM</button>
                  <button type="button" className="admin-button small" data-testid={`cert-download-der-${id}`} disabled={busy}
                    title={`Download ${c.host}-${c.purpose}.der`} onClick={() => void download(c.host, purpose, 'der')}>Download DER</button>
                </td>
              </tr>
              {confirming ? (
                <tr className="admin-confirm-row">
                  <td colSpan={7}><RegenerateConfirm cert={c} onDone={() => setPending(null)} /></td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

function TrustTable({ trusted, pending, setPending }: { trusted: Trusted[]; pending: Pending; setPending: (p: Pending) => void }) {
  const busy = useAdmin((s) => s.busy);
  const [filter, setFilter] = useState('');
  // Index within each store, in the order the cluster keeps them (data-testid trust-row-<store>-<index>).
  const seen = new Map<string, number>();
  const rows = trusted.map((t) => {
    const index = seen.get(t.store) ?? 0;
    seen.set(t.store, index + 1);
    return { t, index };
  }).sort((a, b) => storeRank(a.t.store) - storeRank(b.t.store) || a.index - b.index);
  const shown = filter ? rows.filter((r) => r.t.store === filter) : rows;
  const stores = [...new Set([...TRUST_STORES.map((s) => s.id as string), ...trusted.map((t) => t.store)])];
  return (
    <>
      <div className="admin-search">
        <label htmlFor="trust-filter">Find trust store certificates where Trust Store is</label>
        <select id="trust-filter" data-testid="trust-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">Any</option>
          {stores.map((s) => <option key={s} value={s}>{storeLabel(s)} ({seen.get(s) ?? 0})</option>)}
        </select>
      </div>
      {shown.length === 0 ? (
        <div className="admin-empty" data-testid="trust-empty">{filter ? `${storeLabel(filter)} holds no certificate.` : 'The trust stores hold no certificate.'}</div>
      ) : (
        <table className="admin-table admin-cert-table" data-testid="trust-table">
          <thead>
            <tr>
              <th scope="col">Trust Store</th><th scope="col">Source</th><th scope="col">Common Name</th><th scope="col">Key Type</th>
              <th scope="col">Valid To</th><th scope="col">SHA-256 Fingerprint</th><th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map(({ t, index }) => {
              const id = `${t.store}-${index}`;
              const confirming = pending?.type === 'untrust' && pending.store === t.store && pending.index === index;
              return (
                <Fragment key={id}>
                  <tr data-testid={`trust-row-${id}`} className={confirming ? 'selected' : undefined}>
                    <td className="admin-nowrap">{storeLabel(t.store)}</td>
                    <td>{t.source}</td>
                    <td title={`Subject: ${t.subject}\nIssuer: ${t.issuer}\nSerial: ${t.serial}`}>{commonName(t.subject)}</td>
                    <td className="admin-nowrap">{t.keyType}</td>
                    <td className="admin-nowrap" title={`${timeText(t.notBefore)} to ${timeText(t.notAfter)}`}>{dateText(t.notAfter)}</td>
                    <td><Fingerprint value={t.fingerprint} /></td>
                    <td className="admin-actions">
                      <button type="button" className="admin-button small" data-testid={`trust-delete-${id}`} disabled={busy}
                        onClick={() => setPending({ type: 'untrust', store: t.store, index })}>Delete</button>
                    </td>
                  </tr>
                  {confirming ? (
                    <tr className="admin-confirm-row">
                      <td colSpan={7}><UntrustConfirm entry={t} onDone={() => setPending(null)} /></td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The Certificate Management page. */
export function CertificatesPage() {
  const list = useAdmin((s) => s.certificates);
  const loading = useAdmin((s) => s.loading);
  const [pending, setPending] = useState<Pending>(null);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <RefreshablePageHeader title="Certificate Management" refreshTestId="certs-refresh" />
      {list?.exportNeeded ? <ExportNeededBanner link /> : null}
      <NoticeBanner />
      {loading && !list ? <div className="admin-empty">Loading…</div> : null}
      {list ? (
        <>
          <h3>Certificates <span className="admin-count-inline">({list.certificates.length})</span></h3>
          <p className="admin-intro">
            Every server&apos;s own certificates, self-signed at install. Its HTTPS server presents the tomcat certificate; the other
            clusters trust it only after Bulk Certificate Management has carried it to them.
          </p>
          {list.certificates.length ? <CertificatesTable certificates={list.certificates} pending={pending} setPending={setPending} />
            : <div className="admin-empty">No certificates.</div>}
          <h3 className="admin-section-title">Trust Store Certificates <span className="admin-count-inline">({list.trusted.length})</span></h3>
          <p className="admin-intro">
            The certificates this cluster trusts: its own servers&apos; and those a bulk import brought from other clusters. An EMCC
            request to another cluster is refused unless that cluster&apos;s tomcat certificate is in tomcat-trust.
          </p>
          <TrustTable trusted={list.trusted} pending={pending} setPending={setPending} />
        </>
      ) : null}
    </section>
  );
}
