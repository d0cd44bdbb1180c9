/** The lines of a phone or device profile: one editable row (directory number, label) per line. */
import type { FieldDef, LineValue } from '../../../shared/admin/fields';

/** Editable rows of DN + label, with Add Line and Remove. */
export function LinesField({ field, value, disabled, onChange }: {
  field: FieldDef;
  value: LineValue[];
  disabled: boolean;
  onChange: (v: LineValue[]) => void;
}) {
  const edit = (i: number, patch: Partial<LineValue>) => onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <div className="admin-lines" role="group" aria-label={field.label} data-testid={`input-${field.key}`}>
      {value.length ? (
        <table>
          <thead><tr><th>Line</th><th>Directory Number</th><th>Line Text Label</th><th /></tr></thead>
          <tbody>
            {value.map((l, i) => (
              <tr key={i}>
                <td className="admin-lines-index">{i + 1}</td>
                <td>
                  <input type="text" value={l.dn} disabled={disabled} aria-label={`Line ${i + 1} Directory Number`} data-testid={`line-dn-${i}`}
                    onChange={(e) => edit(i, { dn: e.target.value })} />
                </td>
                <td>
                  <input type="text" value={l.label} disabled={disabled} aria-label={`Line ${i + 1} Label`} data-testid={`line-label-${i}`}
                    onChange={(e) => edit(i, { label: e.target.value })} />
                </td>
                <td>
                  <button type="button" className="admin-link-button" disabled={disabled} data-testid={`line-remove-${i}`}
                    onClick={() => onChange(value.filter((_, j) => j !== i))}>Remove</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <div className="admin-multi-empty">No lines.</div>}
      <button type="button" className="admin-button small" disabled={disabled} data-testid="line-add"
        onClick={() => onChange([...value, { dn: '', label: '' }])}>Add Line</button>
    </div>
  );
}
