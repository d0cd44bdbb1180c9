/** One row of a configuration form: label, control, the guide's note and the field's errors. */
import type { FieldDef, FieldError, FieldValue } from '../../../shared/admin/fields';
import { FieldControl } from './FieldControl';

function helpOf(field: FieldDef): string | null {
  const range = field.type === 'integer' && field.min !== undefined && field.max !== undefined ? `Range ${field.min} to ${field.max}.` : null;
  const parts = [field.help, range].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** A labelled field with its help text and the errors found for it (data-testid error-<key>). */
export function FieldRow({ field, value, named, errors, disabled, onChange }: {
  field: FieldDef;
  value: FieldValue;
  named: readonly string[] | undefined;
  errors: readonly FieldError[];
  disabled: boolean;
  onChange: (v: FieldValue) => void;
}) {
  const id = `f-${field.key}`;
  const help = helpOf(field);
  const invalid = errors.length > 0;
  return (
    <div className={`admin-field${invalid ? ' invalid' : ''}`} data-field={field.key}>
      <label htmlFor={id} className="admin-field-label">
        {field.label}{field.required ? <span className="admin-required" aria-hidden="true">*</span> : null}
      </label>
      <div className="admin-field-control">
        <FieldControl id={id} field={field} value={value} named={named} disabled={disabled} onChange={onChange} />
        {help ? <div className="admin-field-help">{help}</div> : null}
        {invalid ? (
          <div className="admin-field-error" role="alert" data-testid={`error-${field.key}`}>
            {errors.map((e) => e.message).join('; ')}
          </div>
        ) : null}
      </div>
    </div>
  );
}
