/**
 * The lab window's phones: a bar to switch between the phone list and the phone grid, filter the
 * phones, open or close all of them and tile them; then the list (with the open panels below it
 * in browser mode) or the grid. In the desktop app each open phone is a window of its own.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { textOf } from '../i18n/text';
import { useLab } from '../store/lab-store';
import { useOpenPhones, usePhoneView, type PhoneView } from '../store/phone-view-store';
import { matchesFilter } from '../store/phone-view-model';
import { PhoneGrid } from './PhoneGrid';
import { PhoneList } from './PhoneList';
import { PhonePanels } from './PhonePanels';

const VIEWS: PhoneView[] = ['phones', 'grid'];
/** One empty list, so the selector returns the same value while the lab has not loaded. */
const NO_PHONES: never[] = [];

function PhonesBar({ count, openCount }: { count: number; openCount: number }) {
  const { t } = useTranslation('phones');
  const s = usePhoneView();
  const kind = s.desktop ? 'window' : 'panel';
  return (
    <div className="phones-bar" role="toolbar" aria-label={t('aria')}>
      <div className="segmented" role="group" aria-label={t('views')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" data-testid={`view-${v}`} aria-pressed={s.view === v} title={t(`viewTitle.${v}`)} onClick={() => s.setView(v)}>{t(`view.${v}`)}</button>
        ))}
      </div>
      <span className="phones-count" data-testid="phones-count">{t('count', { count, open: openCount })}</span>
      <input type="search" className="phone-filter" data-testid="phone-filter" aria-label={t('filter')} placeholder={t('filterPlaceholder')}
        value={s.filter} onChange={(e) => s.setFilter(e.target.value)} />
      <div className="phones-actions">
        <button type="button" data-testid="phones-open-all" title={t(`title.openAll.${kind}`)} onClick={() => void s.showAll(true)}>{t('openAll')}</button>
        <button type="button" data-testid="phones-close-all" title={t(`title.closeAll.${kind}`)} onClick={() => void s.showAll(false)}>{t('closeAll')}</button>
        <button type="button" data-testid="phones-tile" aria-pressed={s.desktop ? undefined : s.layout === 'tiled'} title={t(`title.tile.${kind}`)} onClick={() => void s.tile()}>{t('tile')}</button>
        {s.desktop ? null : (
          <button type="button" data-testid="phones-tabs" aria-pressed={s.layout === 'tabs'} title={t('title.tabs')} onClick={() => s.setLayout('tabs')}>{t('tabs')}</button>
        )}
      </div>
    </div>
  );
}

export function PhonesArea() {
  const { t } = useTranslation('phones');
  const ui = useTranslation().t;
  const phones = useLab((s) => s.snapshot?.phones ?? NO_PHONES);
  const screens = useLab((s) => s.screens);
  const desktop = usePhoneView((s) => s.desktop);
  const view = usePhoneView((s) => s.view);
  const filter = usePhoneView((s) => s.filter);
  const error = usePhoneView((s) => s.error);
  const openNames = useOpenPhones();
  useEffect(() => usePhoneView.getState().start(), []);
  const open = new Set(openNames);
  const shown = filter ? phones.filter((p) => matchesFilter(p, screens[p.deviceName], filter)) : phones;
  const panels = !desktop && view === 'phones';
  return (
    <main className={`phones-area ${desktop ? 'desktop' : 'browser'} view-${view}${panels ? ' with-panels' : ''}`} aria-label={t('aria')} data-testid="phones-area">
      <PhonesBar count={phones.length} openCount={openNames.length} />
      {error ? <div className="lab-error" role="alert">{t('error', { error: textOf(ui, error) })}</div> : null}
      {!phones.length ? <p className="phones-empty">{t('noPhones')}</p>
        : !shown.length ? <p className="phones-empty" data-testid="no-match">{t('noMatch')}</p>
        : view === 'grid' ? <PhoneGrid phones={shown} open={open} />
        : <PhoneList phones={shown} open={open} compact={panels && openNames.length > 0} />}
      {panels ? <PhonePanels open={openNames} /> : null}
    </main>
  );
}
