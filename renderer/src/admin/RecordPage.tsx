/**
 * X Configuration: one record of a list as a form drawn from its fields, with Save, Delete (and
 * its confirmation inside the page), Add New and Back to Find/List. The fields are checked here
 * before the round trip; the main process's errors show the same way.
 */
import type { FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ENTITIES } from '../../../shared/admin/entities';
import type { EntityKind } from '../../../shared/admin/fields';
import { entityTitle } from '../i18n/admin-text';
import { useAdmin } from '../store/admin-store';
import { FieldList } from './FieldList';
import { NoticeBanner } from './NoticeBanner';

function DeleteConfirm({ title, recordKey }: { title: string; recordKey: string }) {
  const { t, i18n } = useTranslation('admin');
  const busy = useAdmin((s) => s.busy);
  const { deleteRecord, askDelete } = useAdmin.getState();
  return (
    <div className="admin-confirm" role="alertdialog" aria-label={t('record.confirmDelete')} data-testid="delete-confirm">
      <span><Trans t={t} i18nKey="record.deleteWarning" values={{ what: title.toLocaleLowerCase(i18n.language), key: recordKey }} components={{ strong: <strong /> }} /></span>
      <button type="button" className="admin-button danger" data-testid="confirm-delete" disabled={busy} onClick={() => void deleteRecord()}>{t('button.delete')}</button>
      <button type="button" className="admin-button" data-testid="cancel-delete" onClick={() => askDelete(false)}>{t('button.cancel')}</button>
    </div>
  );
}

/** The configuration page of one record of `kind`; `recordKey` null is Add New. */
export function RecordPage({ kind, recordKey }: { kind: EntityKind; recordKey: string | null }) {
  const { t } = useTranslation('admin');
  const entity = ENTITIES[kind];
  const title = entityTitle(t, kind);
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
      {/* "Common Device Configuration" is already a configuration: no "Configuration" after it. */}
      <h2 id="admin-page-title">{/Configuration$/.test(entity.title) ? title : t('record.title', { title })}</h2>
      <form onSubmit={submit} noValidate>
        <div className="admin-toolbar">
          <button type="submit" className="admin-button primary" data-testid="save" disabled={busy || loading}>{t('button.save')}</button>
          {existing ? <button type="button" className="admin-button" data-testid="delete" disabled={busy} onClick={() => askDelete(true)}>{t('button.delete')}</button> : null}
          <button type="button" className="admin-button" data-testid="add-new" onClick={() => void open({ type: 'record', kind, key: null })}>{t('button.addNew')}</button>
          {kind === 'remoteCluster' && existing ? (
            <button type="button" className="admin-button" data-testid="update-remote-now" disabled={busy} onClick={() => void updateRemoteClustersNow()}>{t('button.updateRemoteNow')}</button>
          ) : null}
          {kind === 'phone' && existing ? (
            <button type="button" className="admin-button" data-testid="log-out-phone" disabled={busy} title={t('button.logOutTitle')}
              onClick={() => void logOutPhone(recordKey)}>{t('button.logOut')}</button>
          ) : null}
          <button type="button" className="admin-button link" data-testid="back-to-list" onClick={() => void open({ type: 'list', kind })}>{t('button.backToList')}</button>
        </div>
        {confirming && existing ? <DeleteConfirm title={title} recordKey={recordKey} /> : null}
        <NoticeBanner scope={{ kind }} fields={entity.fields} />
        <div className="admin-status-line">
          {t('record.status')}{loading ? t('record.loading') : existing
            ? <Trans t={t} i18nKey="record.editing" values={{ key: recordKey }} components={{ strong: <strong data-testid="record-key" /> }} />
            : t('record.ready')}
        </div>
        <fieldset className="admin-fieldset" disabled={loading}>
          <legend>{t('record.information', { title })}</legend>
          <FieldList scope={{ kind }} fields={entity.fields} existing={existing} />
        </fieldset>
      </form>
    </section>
  );
}
