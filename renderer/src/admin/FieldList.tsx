/** The fields of a record or form page, drawn from its FieldDef list against the store's draft. */
import type { FieldDef } from '../../../shared/admin/fields';
import type { TableScope } from '../i18n/admin-text';
import { errorsOf } from '../store/admin-draft';
import { useAdmin } from '../store/admin-store';
import { FieldRow } from './FieldRow';

/**
 * Every field of `fields` (of the table `scope`, which names them); read-only ones and (when
 * `existing`) fixed-after-add ones are disabled.
 */
export function FieldList({ scope, fields, existing }: { scope: TableScope; fields: readonly FieldDef[]; existing: boolean }) {
  const draft = useAdmin((s) => s.draft);
  const choices = useAdmin((s) => s.choices);
  const errors = useAdmin((s) => s.errors);
  const setField = useAdmin((s) => s.setField);
  return (
    <div className="admin-fields">
      {fields.map((f) => (
        <FieldRow key={f.key} scope={scope} field={f} value={draft[f.key] ?? null} named={f.ref ? choices[f.ref] : undefined}
          errors={errorsOf(errors, f.key)} disabled={!!f.readOnly || (existing && !!f.fixedAfterAdd)}
          onChange={(v) => setField(f.key, v)} />
      ))}
    </div>
  );
}
