/**
 * OS Administration > Security > Certificate Management: every node's own certificates (Regenerate,
 * Download PEM / DER) and the cluster's trust stores (Delete), each confirmed inside the page on
 * the row it acts on. A banner says when a regenerated certificate still has to go through Bulk
 * Certificate Management for the other clusters to trust it again.
 */
import { RefreshablePageHeader } from './RefreshablePageHeader';
import { Fragment, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { CertificateList } from '../../../shared/api/admin-contract';
import { CERTIFICATE_PURPOSES, purposeOf, TRUST_STORES, type CertificatePurpose } from '../../../shared/certificates';
import { menuText } from '../i18n/admin-text';
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
  const { t } = useTranslation('admin');
  return <span className="admin-nowrap" title={t('certs.validityTitle', { from: timeText(from), to: timeText(to) })}>{dateText(from)} → {dateText(to)}</span>;
}

/** The banner of a certificate regenerated since the last export, with the way to the fix. */
export function ExportNeededBanner({ link }: { link: boolean }) {
  const { t } = useTranslation('admin');
  const open = useAdmin((s) => s.open);
  return (
    <div className="admin-notice warning" role="status" data-testid="export-needed">
      <div className="admin-notice-text">⚠ {t('certs.exportNeeded')}</div>
      <div>
        {t('certs.exportNeededText')}
        {link ? (
          <>
            {' '}
            <button type="button" className="admin-link-button" data-testid="open-bulk-certificates" onClick={() => void open({ type: 'special', page: 'bulkCertificates' })}>
              {t('certs.openBulk')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}

function RegenerateConfirm({ cert, onDone }: { cert: Own; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const busy = useAdmin((s) => s.busy);
  const regenerate = useAdmin((s) => s.regenerateCertificate);
  const reexport = purposeOf(cert.purpose)?.reexport ?? false;
  const confirm = async () => {
    if (await regenerate(cert.host, cert.purpose as CertificatePurpose)) onDone();
  };
  return (
    <div className="admin-confirm" role="alertdialog" aria-label={t('certs.confirmRegenerate')} data-testid="cert-confirm">
      <span>
        <Trans t={t} i18nKey="certs.regenerateQuestion" values={{ label: cert.label, host: cert.host }} components={{ strong: <strong /> }} />
        {reexport ? t('certs.regenerateReexport') : ''}
      </span>
      <button type="button" className="admin-button danger" data-testid="cert-confirm-regenerate" disabled={busy} onClick={() => void confirm()}>{t('certs.regenerate')}</button>
      <button type="button" className="admin-button" data-testid="cert-cancel-regenerate" onClick={onDone}>{t('button.cancel')}</button>
    </div>
  );
}

function UntrustConfirm({ entry, onDone }: { entry: Trusted; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const busy = useAdmin((s) => s.busy);
  const untrust = useAdmin((s) => s.untrustCertificate);
  const confirm = async () => {
    if (await untrust(entry.store, entry.fingerprint)) onDone();
  };
  return (
    <div className="admin-confirm" role="alertdialog" aria-label={t('certs.confirmDelete')} data-testid="trust-confirm">
      <span>
        <Trans t={t} i18nKey="certs.untrustQuestion" values={{ name: commonName(entry.subject), source: entry.source, store: storeLabel(entry.store) }}
          components={{ strong: <strong /> }} />
      </span>
      <button type="button" className="admin-button danger" data-testid="trust-confirm-delete" disabled={busy} onClick={() => void confirm()}>{t('button.delete')}</button>
      <button type="button" className="admin-button" data-testid="trust-cancel-delete" onClick={onDone}>{t('button.cancel')}</button>
    </div>
  );
}

function CertificatesTable({ certificates, pending, setPending }: { certificates: Own[]; pending: Pending; setPending: (p: Pending) => void }) {
  const { t } = useTranslation('admin');
  const busy = useAdmin((s) => s.busy);
  const download = useAdmin((s) => s.downloadCertificate);
  const rows = [...certificates].sort((a, b) => a.host.localeCompare(b.host) || purposeRank(a.purpose) - purposeRank(b.purpose));
  return (
    <table className="admin-table admin-cert-table" data-testid="cert-table">
      <thead>
        <tr>
          <th scope="col">{t('certs.server')}</th><th scope="col">{t('certs.certificate')}</th><th scope="col">{t('certs.commonName')}</th><th scope="col">{t('certs.keyType')}</th>
          <th scope="col">{t('certs.validity')}</th><th scope="col">{t('certs.fingerprint')}</th><th scope="col">{t('certs.actions')}</th>
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
                <td title={t('certs.details', { subject: c.subject, issuer: c.issuer, serial: c.serial })}>{commonName(c.subject)}</td>
                <td className="admin-nowrap">{c.keyType}</td>
                <td><Validity from={c.notBefore} to={c.notAfter} /></td>
                <td data-testid={`cert-fingerprint-${id}`} data-fingerprint={c.fingerprint}><Fingerprint value={c.fingerprint} /></td>
                <td className="admin-actions">
                  <button type="button" className="admin-button small" data-testid={`cert-regenerate-${id}`} disabled={busy}
                    onClick={() => setPending({ type: 'regenerate', host: c.host, purpose })}>{t('certs.regenerate')}</button>
                  <button type="button" className="admin-button small" data-testid={`cert-download-pem-${id}`} disabled={busy}
                    title={t('certs.download', { file: `${c.host}-${c.purpose}.pem` })} onClick={() => void download(c.host, purpose, 'pem')}>{t('certs.downloadPem')}</button>
                  <button type="button" className="admin-button small" data-testid={`cert-download-der-${id}`} disabled={busy}
                    title={t('certs.download', { file: `${c.host}-${c.purpose}.der` })} onClick={() => void download(c.host, purpose, 'der')}>{t('certs.downloadDer')}</button>
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
  const { t: tr } = useTranslation('admin');
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
        <label htmlFor="trust-filter">{tr('certs.trustFilter')}</label>
        <select id="trust-filter" data-testid="trust-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">{tr('certs.any')}</option>
          {stores.map((s) => <option key={s} value={s}>{storeLabel(s)} ({seen.get(s) ?? 0})</option>)}
        </select>
      </div>
      {shown.length === 0 ? (
        <div className="admin-empty" data-testid="trust-empty">{filter ? tr('certs.storeEmpty', { store: storeLabel(filter) }) : tr('certs.storesEmpty')}</div>
      ) : (
        <table className="admin-table admin-cert-table" data-testid="trust-table">
          <thead>
            <tr>
              <th scope="col">{tr('certs.trustStore')}</th><th scope="col">{tr('certs.source')}</th><th scope="col">{tr('certs.commonName')}</th><th scope="col">{tr('certs.keyType')}</th>
              <th scope="col">{tr('certs.validTo')}</th><th scope="col">{tr('certs.fingerprint')}</th><th scope="col">{tr('certs.actions')}</th>
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
                    <td title={tr('certs.details', { subject: t.subject, issuer: t.issuer, serial: t.serial })}>{commonName(t.subject)}</td>
                    <td className="admin-nowrap">{t.keyType}</td>
                    <td className="admin-nowrap" title={tr('certs.validityTitle', { from: timeText(t.notBefore), to: timeText(t.notAfter) })}>{dateText(t.notAfter)}</td>
                    <td><Fingerprint value={t.fingerprint} /></td>
                    <td className="admin-actions">
                      <button type="button" className="admin-button small" data-testid={`trust-delete-${id}`} disabled={busy}
                        onClick={() => setPending({ type: 'untrust', store: t.store, index })}>{tr('button.delete')}</button>
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
  const { t } = useTranslation('admin');
  const list = useAdmin((s) => s.certificates);
  const loading = useAdmin((s) => s.loading);
  const [pending, setPending] = useState<Pending>(null);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <RefreshablePageHeader title={menuText(t, 'Certificate Management')} refreshTestId="certs-refresh" />
      {list?.exportNeeded ? <ExportNeededBanner link /> : null}
      <NoticeBanner />
      {loading && !list ? <div className="admin-empty">{t('certs.loading')}</div> : null}
      {list ? (
        <>
          <h3>{t('certs.certificates')} <span className="admin-count-inline">({list.certificates.length})</span></h3>
          <p className="admin-intro">{t('certs.certificatesIntro')}</p>
          {list.certificates.length ? <CertificatesTable certificates={list.certificates} pending={pending} setPending={setPending} />
            : <div className="admin-empty">{t('certs.noCertificates')}</div>}
          <h3 className="admin-section-title">{t('certs.trusted')} <span className="admin-count-inline">({list.trusted.length})</span></h3>
          <p className="admin-intro">{t('certs.trustedIntro')}</p>
          <TrustTable trusted={list.trusted} pending={pending} setPending={setPending} />
        </>
      ) : null}
    </section>
  );
}
