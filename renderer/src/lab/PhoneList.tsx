/**
 * The phone list of the lab window: every phone with its model, clusters and user, and a button
 * that opens or closes it (its window in the desktop app, its panel in browser mode). Only the
 * rows in view are drawn, so a lab of hundreds of phones scrolls smoothly.
 */
import { useTranslation } from 'react-i18next';
import { useLab } from '../store/lab-store';
import { usePhoneView } from '../store/phone-view-store';
import { windowedRange, type LabPhone } from '../store/phone-view-model';
import { useScrollBox } from './use-scroll-box';

/** Each row's height in CSS pixels (styles.css: .phone-list tbody tr). */
const ROW_HEIGHT = 30;

function Row({ phone, open }: { phone: LabPhone; open: boolean }) {
  const { t } = useTranslation('phones');
  const screen = useLab((s) => s.screens[phone.deviceName]);
  const desktop = usePhoneView((s) => s.desktop);
  const show = usePhoneView((s) => s.show);
  const openAndGo = usePhoneView((s) => s.openAndGo);
  const kind = desktop ? 'window' : 'panel';
  const emcc = phone.registeredTo && phone.registeredTo !== phone.ownClusterId;
  return (
    <tr data-testid={`phone-row-${phone.deviceName}`} data-open={open} className={open ? 'open' : undefined}>
      <td>
        <button type="button" className="link-button phone-name-link" title={t(`openTitle.${kind}`, { name: phone.deviceName })} onClick={() => void openAndGo(phone.deviceName)}>
          <code>{phone.deviceName}</code>
        </button>
      </td>
      <td>{phone.model}</td>
      <td>{phone.ownClusterId}</td>
      <td className={emcc ? 'emcc' : ''}>{phone.registeredTo ?? '—'}</td>
      <td>{screen?.loggedInUser ?? '—'}</td>
      <td className="phone-toggle-cell">
        <button type="button" className={`phone-toggle${open ? ' open' : ''}`} data-testid={`phone-toggle-${phone.deviceName}`} aria-pressed={open}
          title={t(open ? `closeTitle.${kind}` : `openTitle.${kind}`, { name: phone.deviceName })}
          onClick={() => void show(phone.deviceName, !open)}>
          {t(open ? 'close' : 'open')}
        </button>
      </td>
    </tr>
  );
}

/** `compact`: a few rows high, leaving the room below to the open phone panels (browser mode). */
export function PhoneList({ phones, open, compact }: { phones: LabPhone[]; open: ReadonlySet<string>; compact: boolean }) {
  const { t } = useTranslation('phones');
  const desktop = usePhoneView((s) => s.desktop);
  const box = useScrollBox<HTMLDivElement>();
  const range = windowedRange({ count: phones.length, columns: 1, rowHeight: ROW_HEIGHT, scrollTop: box.scrollTop, viewport: box.height || 600 });
  return (
    <div className={`phone-list${compact ? ' compact' : ''}`} ref={box.ref} data-testid="phone-list" data-count={phones.length}>
      <table>
        <thead>
          <tr>
            <th>{t('column.phone')}</th><th>{t('column.model')}</th><th>{t('column.ownCluster')}</th><th>{t('column.registeredTo')}</th><th>{t('column.user')}</th>
            <th><span className="sr-only">{t(desktop ? 'column.window' : 'column.panel')}</span></th>
          </tr>
        </thead>
        <tbody>
          {range.before ? <tr className="spacer" aria-hidden="true" style={{ height: range.before }} /> : null}
          {phones.slice(range.start, range.end).map((p) => <Row key={p.deviceName} phone={p} open={open.has(p.deviceName)} />)}
          {range.after ? <tr className="spacer" aria-hidden="true" style={{ height: range.after }} /> : null}
        </tbody>
      </table>
    </div>
  );
}
