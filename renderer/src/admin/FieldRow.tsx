/** One row of a configuration form: label, control, the guide's note and the field's errors. */
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldError, FieldValue } from '../../../shared/admin/fields';
import { errorText, fieldHelp, fieldLabel, type TableScope } from '../i18n/admin-text';
import type { Translate } from '../i18n/text';
import { FieldControl } from './FieldControl';

function helpOf(t: Translate, scope: TableScope, field: FieldDef): string | null {
  const range = field.type === 'integer' && field.min !== undefined && field.max !== undefined ? t('field.range', { min: field.min, max: field.max }) : null;
  const parts = [fieldHelp(t, scope, field), range].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** A labelled field with its help text and the errors found for it (data-testid error-<key>). */
export function FieldRow({ scope, field, value, named, errors, disabled, onChange }: {
  scope: TableScope;
  field: FieldDef;
  value: FieldValue;
  named: readonly string[] | undefined;
  errors: readonly FieldError[];
  disabled: boolean;
  onChange: (v: FieldValue) => void;
}) {
  const { t } = useTranslation('admin');
  const id = `f-${field.key}`;
  const help = helpOf(t, scope, field);
  const invalid = errors.length > 0;
  return (
    <div className={`admin-field${invalid ? ' invalid' : ''}`} data-field={field.key}>
      <label htmlFor={id} className="admin-field-label">
        {fieldLabel(t, scope, field)}{field.required ? <span className="admin-required" aria-hidden="true">*</span> : null}
      </label>
      <div className="admin-field-control">
        <FieldControl id={id} scope={scope} field={field} value={value} named={named} disabled={disabled} onChange={onChange} />
        {help ? <div className="admin-field-help">{help}</div> : null}
        {invalid ? (
          <div className="admin-field-error" role="alert" data-testid={`error-${field.key}`}>
            {errors.map((e) => errorText(t, scope, [field], e)).join(t('field.errorJoin'))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
