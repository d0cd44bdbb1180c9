/**
 * Reports > Phone Feature List: which phone models support Extension Mobility and EMCC, from the
 * phone model catalogue, filtered by feature.
 */
import { useState } from 'react';
import { PHONE_MODELS } from '../../../shared/phone-models';

const FILTERS = {
  all: { label: 'All features', keep: () => true },
  emcc: { label: 'Extension Mobility Cross Cluster', keep: (m: (typeof PHONE_MODELS)[number]) => m.supportsEmcc },
  em: { label: 'Extension Mobility', keep: (m: (typeof PHONE_MODELS)[number]) => m.supportsEm },
} as const;
type Filter = keyof typeof FILTERS;

const yesNo = (b: boolean) => <span className={b ? 'admin-yes' : 'admin-no'}>{b ? 'Yes' : 'No'}</span>;

/** The Phone Feature List report. */
export function PhoneFeatureListPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const models = PHONE_MODELS.filter(FILTERS[filter].keep);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">Phone Feature List</h2>
      <div className="admin-search">
        <label htmlFor="pfl-feature">Feature</label>
        <select id="pfl-feature" data-testid="feature-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {(Object.keys(FILTERS) as Filter[]).map((f) => <option key={f} value={f}>{FILTERS[f].label}</option>)}
        </select>
      </div>
      <div className="admin-count">{models.length} model{models.length === 1 ? '' : 's'}</div>
      <table className="admin-table" data-testid="phone-feature-list">
        <thead><tr><th>Product</th><th>Protocol</th><th>Extension Mobility</th><th>Extension Mobility Cross Cluster</th></tr></thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id} data-testid={`pfl-${m.id}`}>
              <td>{m.name}</td>
              <td>{m.protocol}</td>
              <td data-testid={`pfl-${m.id}-em`}>{yesNo(m.supportsEm)}</td>
              <td data-testid={`pfl-${m.id}-emcc`}>{yesNo(m.supportsEmcc)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
