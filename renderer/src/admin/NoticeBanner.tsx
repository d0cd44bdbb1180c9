/**
 * The message at the top of a page: "Add successful" / "Update successful" with the warnings the
 * main process returned, or the summary of every error found (data-testid status / error-summary).
 */
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../../../shared/admin/fields';
import { errorText, fieldLabel, type TableScope } from '../i18n/admin-text';
import { textOf } from '../i18n/text';
import { useAdmin } from '../store/admin-store';

/**
 * The notice and, when there are errors, their summary (labelled with the field they belong to,
 * among `fields` of the table `scope`).
 */
export function NoticeBanner({ scope = null, fields = [] }: { scope?: TableScope | null; fields?: readonly FieldDef[] }) {
  const { t } = useTranslation('admin');
  const notice = useAdmin((s) => s.notice);
  const errors = useAdmin((s) => s.errors);
  if (!notice && errors.length === 0) return null;
  const labelOf = (key: string) => {
    const field = fields.find((f) => f.key === key);
    return scope && field ? fieldLabel(t, scope, field) : undefined;
  };
  return (
    <div className={`admin-notice ${notice?.tone ?? 'error'}`} role="status" data-testid="status">
      {notice ? <div className="admin-notice-text">{notice.tone === 'success' ? '✔ ' : notice.tone === 'error' ? '✖ ' : 'ℹ '}{textOf(t, notice.text)}</div> : null}
      {notice?.warnings?.length ? (
        <ul className="admin-notice-warnings">
          {notice.warnings.map((w, i) => <li key={i} data-testid="warning">⚠ {w}</li>)}
        </ul>
      ) : null}
      {errors.length ? (
        <ul className="admin-notice-errors" data-testid="error-summary">
          {errors.map((e, i) => {
            const label = labelOf(e.field);
            const message = errorText(t, scope, fields, e);
            // A message that starts with the field's name (zh-CN quotes it anywhere) needs no label before it.
            const named = label && (message.startsWith(label) || message.includes(`“${label}”`));
            return <li key={i}>{label && !named ? <strong>{t('field.errorLabel', { label })}</strong> : null}{message}</li>;
          })}
        </ul>
      ) : null}
    </div>
  );
}
