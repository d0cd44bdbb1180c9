/** The lines of a phone or device profile: one editable row (directory number, label) per line. */
import { useTranslation } from 'react-i18next';
import type { FieldDef, LineValue } from '../../../shared/admin/fields';
import { fieldLabel, type TableScope } from '../i18n/admin-text';

/** Editable rows of DN + label, with Add Line and Remove. */
export function LinesField({ scope, field, value, disabled, onChange }: {
  scope: TableScope;
  field: FieldDef;
  value: LineValue[];
  disabled: boolean;
  onChange: (v: LineValue[]) => void;
}) {
  const { t } = useTranslation('admin');
  const edit = (i: number, patch: Partial<LineValue>) => onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <div className="admin-lines" role="group" aria-label={fieldLabel(t, scope, field)} data-testid={`input-${field.key}`}>
      {value.length ? (
        <table>
          <thead><tr><th>{t('field.lines.line')}</th><th>{t('field.lines.dn')}</th><th>{t('field.lines.label')}</th><th /></tr></thead>
          <tbody>
            {value.map((l, i) => (
              <tr key={i}>
                <td className="admin-lines-index">{i + 1}</td>
                <td>
                  <input type="text" value={l.dn} disabled={disabled} aria-label={t('field.lines.dnAria', { n: i + 1 })} data-testid={`line-dn-${i}`}
                    onChange={(e) => edit(i, { dn: e.target.value })} />
                </td>
                <td>
                  <input type="text" value={l.label} disabled={disabled} aria-label={t('field.lines.labelAria', { n: i + 1 })} data-testid={`line-label-${i}`}
                    onChange={(e) => edit(i, { label: e.target.value })} />
                </td>
                <td>
                  <button type="button" className="admin-link-button" disabled={disabled} data-testid={`line-remove-${i}`}
                    onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('field.lines.remove')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <div className="admin-multi-empty">{t('field.lines.none')}</div>}
      <button type="button" className="admin-button small" disabled={disabled} data-testid="line-add"
        onClick={() => onChange([...value, { dn: '', label: '' }])}>{t('field.lines.add')}</button>
    </div>
  );
}
