/**
 * The phone grid: every phone of the lab as a small tile (device name, model, the cluster it is
 * registered to, who is logged in, what its screen shows), so a lab of hundreds of phones can be
 * watched at once. Only the rows of tiles in view are drawn. A click opens the phone: its window
 * in the desktop app, its panel in browser mode.
 */
import { useTranslation } from 'react-i18next';
import { textOf } from '../i18n/text';
import { useLab } from '../store/lab-store';
import { usePhoneView } from '../store/phone-view-store';
import { gridColumns, screenSummary, windowedRange, type LabPhone } from '../store/phone-view-model';
import { useScrollBox } from './use-scroll-box';

/** A tile's size and the gap between tiles, in CSS pixels (styles.css: .grid-tile). */
const TILE = { width: 220, height: 128 };
const GAP = 10;
const PADDING = 12;

function Tile({ phone, open }: { phone: LabPhone; open: boolean }) {
  const { t } = useTranslation('phones');
  const ui = useTranslation().t;
  const screen = useLab((s) => s.screens[phone.deviceName]);
  const openAndGo = usePhoneView((s) => s.openAndGo);
  const reg = screen?.registration;
  return (
    <button type="button" className={`grid-tile${open ? ' open' : ''}${screen?.emcc ? ' emcc' : ''}`} data-testid={`grid-tile-${phone.deviceName}`}
      data-status={screen?.status ?? ''} data-cluster={reg?.clusterId ?? ''} data-open={open}
      title={t('grid.openTile', { name: phone.deviceName })} onClick={() => void openAndGo(phone.deviceName)}>
      <span className="tile-head">
        <code className="tile-name">{phone.deviceName}</code>
        <span className={`phone-led${screen?.status === 'registered' ? ' on' : ''}`} aria-hidden="true" />
      </span>
      <span className="tile-model">{screen?.modelName ?? phone.model} · {phone.ownClusterId}</span>
      <span className="tile-reg" data-testid="tile-registration">
        {reg ? `${reg.clusterName} (${reg.clusterId})${screen?.emcc ? ' · EMCC' : ''}` : t('grid.notRegistered')}
      </span>
      <span className="tile-user" data-testid="tile-user">{screen?.loggedInUser ?? <span className="muted">{t('grid.noUser')}</span>}</span>
      <span className="tile-screen" data-testid="tile-screen" lang={screen?.locale}>{textOf(ui, screenSummary(screen))}</span>
      {open ? <span className="tile-open">{t('isOpen')}</span> : null}
    </button>
  );
}

export function PhoneGrid({ phones, open }: { phones: LabPhone[]; open: ReadonlySet<string> }) {
  const { t } = useTranslation('phones');
  const box = useScrollBox<HTMLDivElement>();
  const columns = gridColumns(Math.max(0, box.width - 2 * PADDING), TILE.width, GAP);
  const range = windowedRange({ count: phones.length, columns, rowHeight: TILE.height + GAP, scrollTop: box.scrollTop, viewport: box.height || 600 });
  return (
    <div className="phone-grid" ref={box.ref} data-testid="phone-grid" data-count={phones.length} role="group" aria-label={t('grid.aria')}>
      <div className="phone-grid-tiles" style={{ paddingTop: range.before + PADDING, paddingBottom: range.after + PADDING, gridTemplateColumns: `repeat(${columns}, ${TILE.width}px)` }}>
        {phones.slice(range.start, range.end).map((p) => <Tile key={p.deviceName} phone={p} open={open.has(p.deviceName)} />)}
      </div>
    </div>
  );
}
