/**
 * A single-form page (Enterprise Parameters, Service Parameters, EMCC Feature Configuration, the
 * Intercluster Service Profile): its fields and Save; the profile also has Validate.
 */
import type { FormEvent } from 'react';
import { PAGES, type FormPage as FormPageName } from '../../../shared/admin/pages';
import { useAdmin } from '../store/admin-store';
import { FieldList } from './FieldList';
import { IspReport } from './IspReport';
import { NoticeBanner } from './NoticeBanner';

/** The form page `page`. */
export function FormPage({ page }: { page: FormPageName }) {
  const def = PAGES[page];
  const busy = useAdmin((s) => s.busy);
  const loading = useAdmin((s) => s.loading);
  const { saveForm, validateIsp } = useAdmin.getState();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveForm();
  };

  return (
    <section className="admin-page" aria-labelledby="admin-page-title">
      <h2 id="admin-page-title">{def.title}</h2>
      <form onSubmit={submit} noValidate>
        <div className="admin-toolbar">
          <button type="submit" className="admin-button primary" data-testid="save" disabled={busy || loading}>Save</button>
          {page === 'isp' ? (
            <button type="button" className="admin-button" data-testid="validate" disabled={busy} onClick={() => void validateIsp()}>Validate</button>
          ) : null}
        </div>
        <NoticeBanner fields={def.fields} />
        <fieldset className="admin-fieldset" disabled={loading}>
          <legend>{page === 'isp' ? 'Intercluster Services' : 'Parameters'}</legend>
          <FieldList fields={def.fields} existing={false} />
        </fieldset>
        {page === 'isp' ? <IspReport /> : null}
      </form>
    </section>
  );
}
