/**
 * The input of one field, chosen by its type: text, password, integer, duration, checkbox,
 * select (fixed choices or the cluster's names), multiselect and lines.
 */
import { useTranslation } from 'react-i18next';
import type { Choice, FieldDef, FieldValue, LineValue } from '../../../shared/admin/fields';
import { choiceLabel, noneLabel, type TableScope } from '../i18n/admin-text';
import type { Translate } from '../i18n/text';
import { LinesField } from './LinesField';
import { MultiSelectField } from './MultiSelectField';

/**
 * Options of a select in the UI's language: the none option when the field may be empty, then
 * the choices (the cluster's names for a `ref` field, as they are).
 */
export function selectOptions(t: Translate, field: FieldDef, value: FieldValue, named: readonly string[] | undefined): Choice[] {
  const choices: Choice[] = field.choices ? field.choices.map((c) => ({ value: c.value, label: choiceLabel(t, c) })) : (named ?? []).map((n) => ({ value: n, label: n }));
  const current = typeof value === 'string' && value !== '' ? value : null;
  if (current !== null && !choices.some((c) => c.value === current)) choices.push({ value: current, label: current });
  if (!field.required) return [{ value: '', label: noneLabel(t, field) }, ...choices];
  if (current === null) return [{ value: '', label: t('admin:field.select') }, ...choices];
  return choices;
}

/** The control of one field; `id` links it to its label. */
export function FieldControl({ id, scope, field, value, named, disabled, onChange }: {
  id: string;
  scope: TableScope;
  field: FieldDef;
  value: FieldValue;
  /** The cluster's names for a `ref` field. */
  named: readonly string[] | undefined;
  disabled: boolean;
  onChange: (v: FieldValue) => void;
}) {
  const { t } = useTranslation('admin');
  const testId = `input-${field.key}`;
  const text = value === null || value === undefined ? '' : String(value);
  switch (field.type) {
    case 'boolean':
      return <input id={id} type="checkbox" data-testid={testId} checked={value === true} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />;
    case 'select':
      return (
        <select id={id} data-testid={testId} value={text} disabled={disabled} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
          {selectOptions(t, field, value, named).map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      );
    case 'multiselect':
      return <MultiSelectField scope={scope} field={field} value={Array.isArray(value) ? (value as string[]) : []} options={[...(named ?? [])]} disabled={disabled} onChange={onChange} />;
    case 'lines':
      return <LinesField scope={scope} field={field} value={Array.isArray(value) ? (value as LineValue[]) : []} disabled={disabled} onChange={onChange} />;
    case 'password':
      return <input id={id} type="password" autoComplete="new-password" data-testid={testId} value={text} disabled={disabled} onChange={(e) => onChange(e.target.value)} />;
    case 'integer':
      return <input id={id} type="text" inputMode="numeric" className="admin-narrow" data-testid={testId} value={text} disabled={disabled} onChange={(e) => onChange(e.target.value)} />;
    case 'duration':
      return <input id={id} type="text" placeholder="HHH:MM" className="admin-narrow" data-testid={testId} value={text} disabled={disabled} onChange={(e) => onChange(e.target.value)} />;
    case 'text':
      return <input id={id} type="text" data-testid={testId} value={text} disabled={disabled} onChange={(e) => onChange(e.target.value)} />;
  }
}
