/**
 * Reports > Phone Feature List: which phone models support Extension Mobility and EMCC, from the
 * phone model catalogue, filtered by feature.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHONE_MODELS } from '../../../shared/phone-models';
import { menuText } from '../i18n/admin-text';

// Each filter's label is admin:features.filter.<id>.
const FILTERS = {
  all: { keep: () => true },
  emcc: { keep: (m: (typeof PHONE_MODELS)[number]) => m.supportsEmcc },
  em: { keep: (m: (typeof PHONE_MODELS)[number]) => m.supportsEm },
} as const;
type Filter = keyof typeof FILTERS;

/** The Phone Feature List report. */
export function PhoneFeatureListPage() {
  const { t } = useTranslation('admin');
  const yesNo = (b: boolean) => <span className={b ? 'admin-yes' : 'admin-no'}>{b ? t('features.yes') : t('features.no')}</span>;
  const [filter, setFilter] = useState<Filter>('all');
  const models = PHONE_MODELS.filter(FILTERS[filter].keep);
  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{menuText(t, 'Phone Feature List')}</h2>
      <div className="admin-search">
        <label htmlFor="pfl-feature">{t('features.feature')}</label>
        <select id="pfl-feature" data-testid="feature-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          {(Object.keys(FILTERS) as Filter[]).map((f) => <option key={f} value={f}>{t(`features.filter.${f}`)}</option>)}
        </select>
      </div>
      <div className="admin-count">{t('features.models', { count: models.length })}</div>
      <table className="admin-table" data-testid="phone-feature-list">
        <thead><tr><th>{t('features.product')}</th><th>{t('features.protocol')}</th><th>{t('features.em')}</th><th>{t('features.emcc')}</th></tr></thead>
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
