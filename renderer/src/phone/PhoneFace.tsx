/**
 * One emulated IP phone, drawn with our own HTML/CSS (no Cisco artwork): the screen the firmware
 * describes, softkeys under it, the Services key, navigation and the keypad. Clicks and typing
 * become key presses sent to the firmware; nothing about the phone's behaviour is decided here.
 */
import { useCallback, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneKey, PhoneScreen } from '../../../shared/api/contract';
import { useLab } from '../store/lab-store';
import { useLabTime } from './use-lab-time';
import { PhoneTroubleshoot } from './PhoneTroubleshoot';
import { phoneFaceForm } from '../../../shared/phone-models';

const KEYPAD: { key: PhoneKey; letters: string }[] = [
  { key: '1', letters: '' }, { key: '2', letters: 'ABC' }, { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' }, { key: '5', letters: 'JKL' }, { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' }, { key: '8', letters: 'TUV' }, { key: '9', letters: 'WXYZ' },
  { key: '*', letters: '' }, { key: '0', letters: '+' }, { key: '#', letters: '' },
];

function formatTime(t: number | null, locale: string): string {
  if (t == null) return '';
  return new Date(t).toLocaleString(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

function ScreenMiddle({ screen, press }: { screen: PhoneScreen; press: (key: PhoneKey) => void }) {
  const v = screen.view;
  switch (v.kind) {
    case 'status':
      return <div className="view view-status" role="status">{v.text}</div>;
    case 'idle':
      return (
        <div className="view view-idle">
          <div className="idle-user">{screen.loggedInUser ?? ''}</div>
          <div className="idle-cluster">{screen.registration?.clusterName ?? ''}</div>
        </div>
      );
    case 'menu':
      return (
        <div className="view view-menu">
          <div className="view-title">{v.title}</div>
          {v.prompt ? <div className="view-prompt">{v.prompt}</div> : null}
          <ol className="menu-items">
            {v.items.map((item, i) => (
              // Clicking an item picks it, as its number on the keypad does.
              <li key={i} className={i === v.selected ? 'selected' : ''} onClick={() => i < 9 && press(String(i + 1) as PhoneKey)}>{item}</li>
            ))}
          </ol>
        </div>
      );
    case 'input':
      return (
        <div className="view view-input">
          <div className="view-title">{v.title}</div>
          <div className="view-prompt">{v.prompt}</div>
          {v.fields.map((f, i) => (
            <div key={i} className={`input-field${i === v.focused ? ' focused' : ''}`}>
              <span className="input-label">{f.label}</span>
              <span className="input-value" data-testid={`field-${i}`}>{f.value}<span className="caret" /></span>
            </div>
          ))}
        </div>
      );
    case 'text':
      return (
        <div className="view view-text">
          <div className="view-title">{v.title}</div>
          <div className="view-body" data-testid="phone-text">{v.text}</div>
        </div>
      );
  }
}

export function PhoneFace({ deviceName }: { deviceName: string }) {
  const screen = useLab((s) => s.screens[deviceName]);
  const pressKey = useLab((s) => s.pressKey);
  const typeText = useLab((s) => s.typeText);
  const now = useLabTime();
  const { t, i18n } = useTranslation('phone');
  const press = useCallback((key: PhoneKey) => pressKey(deviceName, key), [deviceName, pressKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const map: Record<string, PhoneKey> = { ArrowUp: 'navUp', ArrowDown: 'navDown', Enter: 'select', Backspace: 'back', Escape: 'back', F1: 'soft1', F2: 'soft2', F3: 'soft3', F4: 'soft4' };
    const key = map[e.key];
    if (key) {
      e.preventDefault();
      press(key);
    } else if (e.key.length === 1) {
      e.preventDefault();
      typeText(deviceName, e.key);
    }
  };

  if (!screen) return <div className="phone phone-loading">{deviceName}</div>;
  const registered = screen.status === 'registered';
  // The header is part of the phone's screen: its words follow the phone's locale, not the UI's.
  const screenT = i18n.getFixedT(screen.locale, 'phone');
  const softkeyCount = Math.max(4, screen.softkeys.length);
  const slots = Array.from({ length: softkeyCount }, (_, i) => screen.softkeys.find((k) => k.key === `soft${i + 1}`));

  return (
    // Its form (large 8800/9900, compact 7800/7900) sets its size, which the desktop app's phone window fits.
    <div className={`phone ${phoneFaceForm(screen.model)}`} data-testid={`phone-${deviceName}`} data-status={screen.status} data-cluster={screen.registration?.clusterId ?? ''}
      tabIndex={0} onKeyDown={onKeyDown} aria-label={t('aria', { name: deviceName })}>
      <div className="phone-brand">
        <span className="phone-model">{screen.modelName}</span>
        <span className={`phone-led${registered ? ' on' : ''}`} title={t(`status.${screen.status}`)} />
      </div>
      <div className="screen" lang={screen.locale}>
        <div className="screen-header">
          <span className="header-line">{screen.lines[0]?.dn ?? deviceName}</span>
          <span className="header-time">{formatTime(now, screen.locale)}</span>
          <span className={`header-cluster${screen.emcc ? ' emcc' : ''}`} data-testid="phone-cluster">
            {screen.registration ? `${screen.registration.clusterName}${screen.emcc ? ' · EMCC' : ''}` : screenT(`status.${screen.status}`)}
          </span>
        </div>
        <div className="screen-body">
          <ul className="line-keys">
            {screen.lines.map((l, i) => (
              <li key={i} data-testid={`line-${i + 1}`}><span className="line-icon" />{l.dn}{l.label ? <small>{l.label}</small> : null}</li>
            ))}
          </ul>
          <ScreenMiddle screen={screen} press={press} />
          <PhoneTroubleshoot screen={screen} />
        </div>
        <div className="softkey-labels">
          {slots.map((k, i) => <span key={i}>{k?.label ?? ''}</span>)}
        </div>
      </div>
      <div className="softkey-buttons">
        {slots.map((k, i) => (
          <button key={i} type="button" className="softkey" data-key={`soft${i + 1}`} aria-label={k ? t('softkeyLabel', { n: i + 1, label: k.label }) : t('softkey', { n: i + 1 })}
            onClick={() => press(`soft${i + 1}` as PhoneKey)} />
        ))}
      </div>
      <div className="controls">
        <button type="button" className="hard-key services" data-key="services" onClick={() => press('services')}>{screen.servicesKeyLabel}</button>
        <div className="nav">
          <button type="button" data-key="navUp" aria-label={t('up')} onClick={() => press('navUp')}>▲</button>
          <button type="button" data-key="select" aria-label={t('select')} className="nav-select" onClick={() => press('select')}>●</button>
          <button type="button" data-key="navDown" aria-label={t('down')} onClick={() => press('navDown')}>▼</button>
        </div>
        <button type="button" className="hard-key back" data-key="back" aria-label={t('back')} onClick={() => press('back')}>↩</button>
      </div>
      <div className="keypad">
        {KEYPAD.map(({ key, letters }) => (
          <button key={key} type="button" data-key={key} aria-label={t('key', { key })} onClick={() => press(key)}>
            <span className="digit">{key}</span>
            <span className="letters">{letters}</span>
          </button>
        ))}
      </div>
      <div className="phone-name">{deviceName}</div>
    </div>
  );
}
