/**
 * Find and List: the records of one list of the cluster, filtered by the search box, with the
 * entity's columns; the key cell opens the record. Remote clusters also get "Update Remote
 * Cluster Now".
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTITIES } from '../../../shared/admin/entities';
import type { EntityKind, FieldDef } from '../../../shared/admin/fields';
import { entityPlural, fieldLabel } from '../i18n/admin-text';
import { useAdmin } from '../store/admin-store';
import { cellText } from './format';
import { NoticeBanner } from './NoticeBanner';

/** The Find and List page of `kind`. */
export function ListPage({ kind }: { kind: EntityKind }) {
  const { t, i18n } = useTranslation('admin');
  const entity = ENTITIES[kind];
  const scope = { kind };
  const plural = entityPlural(t, kind);
  // English lower-cases the plural inside a sentence ("No phones yet"); other languages keep it.
  const pluralInSentence = plural.toLocaleLowerCase(i18n.language);
  const records = useAdmin((s) => s.records);
  const search = useAdmin((s) => s.search);
  const loading = useAdmin((s) => s.loading);
  const busy = useAdmin((s) => s.busy);
  const { setSearch, find, open, updateRemoteClustersNow } = useAdmin.getState();
  const fieldOf = (key: string): FieldDef => entity.fields.find((f) => f.key === key) ?? { key, label: key, type: 'text' };
  const keyField = fieldOf(entity.key);
  const columns = entity.columns.map(fieldOf);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void find();
  };

  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{t('list.title', { plural })}</h2>
      <div className="admin-toolbar">
        <button type="button" className="admin-button primary" data-testid="add-new" onClick={() => void open({ type: 'record', kind, key: null })}>{t('button.addNew')}</button>
        {kind === 'remoteCluster' ? (
          <button type="button" className="admin-button" data-testid="update-remote-now" disabled={busy} onClick={() => void updateRemoteClustersNow()}>
            {t('button.updateRemoteNow')}
          </button>
        ) : null}
      </div>
      <NoticeBanner />
      <form className="admin-search" onSubmit={submit} role="search">
        <label htmlFor="admin-search-input">{t('list.searchLabel', { plural: pluralInSentence, field: fieldLabel(t, scope, keyField) })}</label>
        <input id="admin-search-input" type="search" data-testid="list-search" value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit" className="admin-button" data-testid="list-find">{t('button.find')}</button>
      </form>
      <div className="admin-count" data-testid="list-count">
        {loading ? t('list.searching') : t('list.found', { count: records.length })}
      </div>
      {!loading && records.length === 0 ? (
        <div className="admin-empty" data-testid="list-empty">
          {search.trim() ? t('list.noMatch', { plural: pluralInSentence, search: search.trim() }) : t('list.empty', { plural: pluralInSentence })}
        </div>
      ) : (
        <table className="admin-table" data-testid="list-table">
          <thead>
            <tr>{columns.map((c) => <th key={c.key} scope="col">{fieldLabel(t, scope, c)}</th>)}</tr>
          </thead>
          <tbody>
            {records.map((r) => {
              const key = String(r[entity.key] ?? '');
              return (
                <tr key={key} data-testid={`row-${key}`}>
                  {columns.map((c) => (
                    <td key={c.key} data-testid={`cell-${key}-${c.key}`}>
                      {c.key === entity.key
                        ? <button type="button" className="admin-link-button" data-testid={`open-record-${key}`} onClick={() => void open({ type: 'record', kind, key })}>{key}</button>
                        : typeof r[c.key] === 'boolean'
                          ? <span className={`admin-bool-${String(r[c.key])}`}>{cellText(t, c, r[c.key])}</span>
                          : cellText(t, c, r[c.key])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
