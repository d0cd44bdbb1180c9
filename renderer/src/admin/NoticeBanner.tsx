/**
 * The message at the top of a page: "Add successful" / "Update successful" with the warnings the
 * main process returned, or the summary of every error found (data-testid status / error-summary).
 */
import type { FieldDef } from '../../../shared/admin/fields';
import { useAdmin } from '../store/admin-store';

/** The notice and, when there are errors, their summary (labelled with the field they belong to). */
export function NoticeBanner({ fields = [] }: { fields?: readonly FieldDef[] }) {
  const notice = useAdmin((s) => s.notice);
  const errors = useAdmin((s) => s.errors);
  if (!notice && errors.length === 0) return null;
  const labelOf = (key: string) => fields.find((f) => f.key === key)?.label;
  return (
    <div className={`admin-notice ${notice?.tone ?? 'error'}`} role="status" data-testid="status">
      {notice ? <div className="admin-notice-text">{notice.tone === 'success' ? '✔ ' : notice.tone === 'error' ? '✖ ' : 'ℹ '}{notice.text}</div> : null}
      {notice?.warnings?.length ? (
        <ul className="admin-notice-warnings">
          {notice.warnings.map((w, i) => <li key={i} data-testid="warning">⚠ {w}</li>)}
        </ul>
      ) : null}
      {errors.length ? (
        <ul className="admin-notice-errors" data-testid="error-summary">
          {errors.map((e, i) => {
            const label = labelOf(e.field);
            return <li key={i}>{label && !e.message.startsWith(label) ? <strong>{label}: </strong> : null}{e.message}</li>;
          })}
        </ul>
      ) : null}
    </div>
  );
}
