/** OS Administration > Security > Bulk Certificate Management: a placeholder until certificates arrive. */

/** The Bulk Certificate Management placeholder. */
export function BulkCertificatesPage() {
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">Bulk Certificate Management</h2>
      <div className="admin-notice info" data-testid="bulk-certificates-placeholder">
        ℹ Certificate export, consolidation and import arrive with a later version of the lab; today the clusters trust each
        other and talk plain HTTP.
      </div>
      <p className="admin-intro">
        Step 3 of the EMCC configuration: the clusters must trust each other&apos;s Tomcat, CallManager and CAPF certificates.
        On every cluster, export these certificates to one SFTP server that all clusters can reach; once every cluster has
        exported, consolidate them there into one bundle from any one cluster; then import the consolidated bundle on every
        cluster and restart the services that read it (Cisco Tomcat, then Cisco CallManager and Cisco TFTP) so the new trust
        takes effect.
      </p>
    </section>
  );
}
