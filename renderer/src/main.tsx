/** Entry of every window: `?phone=NAME` shows one phone (desktop phone windows), else the lab. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LabView } from './lab/LabView';
import { PhoneFace } from './phone/PhoneFace';
import { useLab } from './store/lab-store';
import './styles.css';

const params = new URLSearchParams(location.search);
const phone = params.get('phone');
// In the desktop app the lab window lists the phones, which have windows of their own.
const desktopLab = params.get('view') === 'lab';

void useLab.getState().load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {phone ? <div className="single-phone"><PhoneFace deviceName={phone} /></div> : <LabView showPhones={!desktopLab} />}
  </StrictMode>,
);
