/**
 * A single-form page (Enterprise Parameters, Service Parameters, EMCC Feature Configuration, the
 * Intercluster Service Profile): its fields and Save; the profile also has Validate.
 */
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGES, type FormPage as FormPageName } from '../../../shared/admin/pages';
import { pageTitle } from '../i18n/admin-text';
import { useAdmin } from '../store/admin-store';
import { FieldList } from './FieldList';
import { IspReport } from './IspReport';
import { NoticeBanner } from './NoticeBanner';

/** The form page `page`. */
export function FormPage({ page }: { page: FormPageName }) {
  const { t } = useTranslation('admin');
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
      <h2 id="admin-page-title">{pageTitle(t, page)}</h2>
      <form onSubmit={submit} noValidate>
        <div className="admin-toolbar">
          <button type="submit" className="admin-button primary" data-testid="save" disabled={busy || loading}>{t('button.save')}</button>
          {page === 'isp' ? (
            <button type="button" className="admin-button" data-testid="validate" disabled={busy} onClick={() => void validateIsp()}>{t('button.validate')}</button>
          ) : null}
        </div>
        <NoticeBanner scope={{ page }} fields={def.fields} />
        <fieldset className="admin-fieldset" disabled={loading}>
          <legend>{page === 'isp' ? t('form.intercluster') : t('form.parameters')}</legend>
          <FieldList scope={{ page }} fields={def.fields} existing={false} />
        </fieldset>
        {page === 'isp' ? <IspReport /> : null}
      </form>
    </section>
  );
}
