/**
 * A multiselect field (Controlled Profiles, Subscribed Services): a checkbox per name the cluster
 * offers, and the selected names in order below it.
 */
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../shared/admin/fields';
import { fieldLabel, type TableScope } from '../i18n/admin-text';

/** Checkbox list of the choices; `value` is the selected names. */
export function MultiSelectField({ scope, field, value, options, disabled, onChange }: {
  scope: TableScope;
  field: FieldDef;
  value: string[];
  options: string[];
  disabled: boolean;
  onChange: (v: string[]) => void;
}) {
  const { t } = useTranslation('admin');
  // A selected name the cluster no longer offers is still shown, so it can be unselected.
  const all = [...options, ...value.filter((v) => !options.includes(v))];
  const toggle = (name: string, on: boolean) => onChange(on ? [...value, name] : value.filter((v) => v !== name));
  return (
    <div className="admin-multi" role="group" aria-label={fieldLabel(t, scope, field)} data-testid={`input-${field.key}`}>
      {all.length === 0 ? <div className="admin-multi-empty">{t('field.multi.empty')}</div> : null}
      {all.map((name) => (
        <label key={name} className="admin-multi-option">
          <input type="checkbox" checked={value.includes(name)} disabled={disabled} onChange={(e) => toggle(name, e.target.checked)} />
          {name}
        </label>
      ))}
      <div className="admin-multi-selected">{t('field.multi.selected', { list: value.length ? value.join(', ') : t('field.multi.none') })}</div>
    </div>
  );
}
