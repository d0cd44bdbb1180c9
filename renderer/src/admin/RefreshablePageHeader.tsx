/** A page's title with a toolbar holding its Refresh button (pages whose data other windows change). */
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../store/admin-store';

export function RefreshablePageHeader({ title, refreshTestId }: { title: string; refreshTestId: string }) {
  const { t } = useTranslation('admin');
  const refresh = useAdmin((s) => s.refresh);
  return (
    <>
      <h2 id="admin-page-title">{title}</h2>
      <div className="admin-toolbar">
        <button type="button" className="admin-button" data-testid={refreshTestId} onClick={() => void refresh()}>{t('button.refresh')}</button>
      </div>
    </>
  );
}
