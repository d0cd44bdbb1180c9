/**
 * Browser mode's phones: a panel per open phone, side by side (tiled) or one at a time with a tab
 * each. A panel closes with its ✕ (or from the phone list); a phone opened from the grid or the
 * Window menu is scrolled to and focused, ready for typing.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PhoneFace } from '../phone/PhoneFace';
import { useLab } from '../store/lab-store';
import { usePhoneView } from '../store/phone-view-store';
import { phoneFaceForm } from '../../../shared/phone-models';

function Panel({ deviceName }: { deviceName: string }) {
  const { t } = useTranslation('phones');
  const model = useLab((s) => s.snapshot?.phones.find((p) => p.deviceName === deviceName)?.model ?? '');
  const show = usePhoneView((s) => s.show);
  return (
    <section className={`phone-panel ${phoneFaceForm(model)}`} data-testid={`panel-${deviceName}`} aria-label={deviceName}>
      <header className="phone-panel-head">
        <code>{deviceName}</code>
        <button type="button" className="panel-close" data-testid={`panel-close-${deviceName}`} aria-label={t('closeTitle.panel', { name: deviceName })}
          title={t('closeTitle.panel', { name: deviceName })} onClick={() => void show(deviceName, false)}>✕</button>
      </header>
      <PhoneFace deviceName={deviceName} />
    </section>
  );
}

export function PhonePanels({ open }: { open: string[] }) {
  const { t } = useTranslation('phones');
  const layout = usePhoneView((s) => s.layout);
  const activeTab = usePhoneView((s) => s.activeTab);
  const setActiveTab = usePhoneView((s) => s.setActiveTab);
  const focusRequest = usePhoneView((s) => s.focusRequest);
  const active = activeTab && open.includes(activeTab) ? activeTab : open[0];
  const shown = layout === 'tabs' ? (active ? [active] : []) : open;

  useEffect(() => {
    if (!focusRequest || !shown.includes(focusRequest)) return;
    const face = document.querySelector<HTMLElement>(`[data-testid="phone-${CSS.escape(focusRequest)}"]`);
    if (!face) return;
    face.scrollIntoView({ block: 'nearest' });
    face.focus({ preventScroll: true });
    usePhoneView.getState().focusDone();
  });

  if (!open.length) return <p className="phones-empty" data-testid="no-panels">{t('noPanels')}</p>;
  return (
    <>
      {layout === 'tabs' ? (
        <div className="phone-tabs" role="tablist" aria-label={t('tabsAria')}>
          {open.map((n) => (
            <button key={n} type="button" role="tab" aria-selected={n === active} data-testid={`phone-tab-${n}`} className={n === active ? 'selected' : undefined} onClick={() => setActiveTab(n)}>
              {n}
            </button>
          ))}
        </div>
      ) : null}
      <div className="phones" data-layout={layout} data-testid="phone-panels">
        {shown.map((n) => <Panel key={n} deviceName={n} />)}
      </div>
    </>
  );
}
