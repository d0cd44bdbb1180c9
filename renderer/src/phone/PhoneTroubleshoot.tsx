/**
 * The troubleshoot control drawn over a phone's screen while it shows an error with a code
 * ("Login is unavailable (208)"): it opens the troubleshooter on that code, in the lab window's
 * Troubleshooter tab, or, in a phone window of its own (desktop), in a dialog over the phone.
 * It is the lab's, not the phone's: nothing of the firmware changes.
 */
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { PhoneScreen } from '../../../shared/api/contract';
import { TroubleshooterPanel } from '../lab/TroubleshooterPanel';
import { useTroubleshooter } from '../store/troubleshooter-store';

/** The code an error screen ends with ("… (208)"), or null for any other screen. */
export function shownCode(screen: PhoneScreen): number | null {
  if (screen.view.kind !== 'text') return null;
  const m = /\((\d{1,3})\)\s*$/.exec(screen.view.text);
  return m ? Number(m[1]) : null;
}

/** A phone window of its own has no lab window around it. */
const phoneWindow = () => new URLSearchParams(location.search).has('phone');

function TroubleshooterDialog() {
  const { t } = useTranslation('troubleshooter');
  const open = useTroubleshooter((s) => s.dialog);
  const close = useTroubleshooter((s) => s.closeDialog);
  if (!open) return null;
  return createPortal(
    <div className="modal-backdrop" role="presentation" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="modal ts-dialog" role="dialog" aria-modal="true" aria-labelledby="ts-dialog-title" data-testid="troubleshoot-dialog">
        <div className="modal-head">
          <h2 id="ts-dialog-title">{t('dialogTitle')}</h2>
          <button type="button" className="modal-close" aria-label={t('close')} onClick={close}>✕</button>
        </div>
        <div className="modal-body"><TroubleshooterPanel inDialog /></div>
      </div>
    </div>,
    document.body,
  );
}

export function PhoneTroubleshoot({ screen }: { screen: PhoneScreen }) {
  const { t } = useTranslation('troubleshooter');
  const code = shownCode(screen);
  const inDialog = phoneWindow();
  return (
    <>
      {code !== null ? (
        <button type="button" className="phone-troubleshoot" data-testid="phone-troubleshoot" data-code={code} title={t('phoneTitle', { code })}
          onClick={() => useTroubleshooter.getState().openFromPhone(code, inDialog)}>
          <span className="phone-troubleshoot-mark" aria-hidden="true">?</span>
          {t('phoneButton')}
        </button>
      ) : null}
      {inDialog ? <TroubleshooterDialog /> : null}
    </>
  );
}
