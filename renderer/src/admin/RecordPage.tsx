/**
 * X Configuration: one record of a list as a form drawn from its fields, with Save, Delete (and
 * its confirmation inside the page), Add New and Back to Find/List. The fields are checked here
 * before the round trip; the main process's errors show the same way.
 */
import type { FormEvent } from 'react';
import { ENTITIES } from '../../../shared/admin/entities';
import type { EntityKind } from '../../../shared/admin/fields';
import { useAdmin } from '../store/admin-store';
import { FieldList } from './FieldList';
import { NoticeBanner } from './NoticeBanner';

function DeleteConfirm({ title, recordKey }: { title: string; recordKey: string }) {
  const busy = useAdmin((s) => s.busy);
  const { deleteRecord, askDelete } = useAdmin.getState();
  return (
    <div className="admin-confirm" role="alertdialog" aria-label="Confirm delete" data-testid="delete-confirm">
      <span>You are about to permanently delete the {title.toLowerCase()} <strong>{recordKey}</strong>. This action cannot be undone.</span>
      <button type="button" className="admin-button danger" data-testid="confirm-delete" disabled={busy} onClick={() => void deleteRecord()}>Delete</button>
      <button type="button" className="admin-button" data-testid="cancel-delete" onClick={() => askDelete(false)}>Cancel</button>
    </div>
  );
}

/** The configuration page of one record of `kind`; `recordKey` null is Add New. */
export function RecordPage({ kind, recordKey }: { kind: EntityKind; recordKey: string | null }) {
  const entity = ENTITIES[kind];
  const busy = useAdmin((s) => s.busy);
  const loading = useAdmin((s) => s.loading);
  const confirming = useAdmin((s) => s.confirmingDelete);
  const { saveRecord, askDelete, open, updateRemoteClustersNow, logOutPhone } = useAdmin.getState();
  const existing = recordKey !== null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveRecord();
  };

  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{/Configuration$/.test(entity.title) ? entity.title : `${entity.title} Configuration`}</h2>
      <form onSubmit={submit} noValidate>
        <div className="admin-toolbar">
          <button type="submit" className="admin-button primary" data-testid="save" disabled={busy || loading}>Save</button>
          {existing ? <button type="button" className="admin-button" data-testid="delete" disabled={busy} onClick={() => askDelete(true)}>Delete</button> : null}
          <button type="button" className="admin-button" data-testid="add-new" onClick={() => void open({ type: 'record', kind, key: null })}>Add New</button>
          {kind === 'remoteCluster' && existing ? (
            <button type="button" className="admin-button" data-testid="update-remote-now" disabled={busy} onClick={() => void updateRemoteClustersNow()}>Update Remote Cluster Now</button>
          ) : null}
          {kind === 'phone' && existing ? (
            <button type="button" className="admin-button" data-testid="log-out-phone" disabled={busy} title="Removes the EM login recorded for this phone; the phone is not reset"
              onClick={() => void logOutPhone(recordKey)}>Log Out</button>
          ) : null}
          <button type="button" className="admin-button link" data-testid="back-to-list" onClick={() => void open({ type: 'list', kind })}>Back to Find/List</button>
        </div>
        {confirming && existing ? <DeleteConfirm title={entity.title} recordKey={recordKey} /> : null}
        <NoticeBanner fields={entity.fields} />
        <div className="admin-status-line">
          Status: {loading ? 'Loading…' : existing ? <>Editing <strong data-testid="record-key">{recordKey}</strong></> : 'Ready to add a new record'}
        </div>
        <fieldset className="admin-fieldset" disabled={loading}>
          <legend>{entity.title} Information</legend>
          <FieldList fields={entity.fields} existing={existing} />
        </fieldset>
      </form>
    </section>
  );
}
