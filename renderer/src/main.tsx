/**
 * Entry of every window: `?phone=NAME` shows one phone (desktop phone windows),
 * `?view=admin&cluster=NAME` a cluster's administration window, else the lab window (whether its
 * phones are windows or panels depends on where it runs: renderer/src/api/binding.ts).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminWindow } from './admin/AdminWindow';
import { LabView } from './lab/LabView';
import { openLinkedAdminView } from './lab/admin-link';
import { PhoneFace } from './phone/PhoneFace';
import { useAdmin } from './store/admin-store';
import { useLab } from './store/lab-store';
import './i18n/i18n';
import './styles.css';

const params = new URLSearchParams(location.search);
const phone = params.get('phone');
const adminCluster = params.get('view') === 'admin' ? params.get('cluster') : null;

// `&kind=…[&key=…]` or `&page=…`: the page a link of the lab window (the troubleshooter's fixes) asks for.
if (adminCluster) void useAdmin.getState().start(adminCluster).then(() => openLinkedAdminView(params));
else void useLab.getState().load();

function Root() {
  if (adminCluster) return <AdminWindow />;
  if (phone) return <div className="single-phone"><PhoneFace deviceName={phone} /></div>;
  // The lab window; in the desktop app (`?view=lab`) its phones have windows of their own.
  return <LabView />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
