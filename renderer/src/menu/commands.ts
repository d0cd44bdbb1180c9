/**
 * What a menu command does in the lab window: the menu bar's items and keyboard shortcuts in
 * browser mode, and the commands the desktop app's menu sends the lab window (`shell.menuCommand`).
 * Each goes to the store that owns it; nothing here talks to the main process directly.
 */
import { JUMPS, type MenuCommand } from '../../../shared/menu-commands';
import { pickLabFile } from '../files/FilePicker';
import { adminPageUrl } from '../lab/admin-link';
import { useFiles } from '../store/file-store';
import { useLab } from '../store/lab-store';
import { useLabWindow } from '../store/lab-window-store';
import { usePhoneView } from '../store/phone-view-store';
import { useMenu } from './menu-store';

export function runCommand(command: MenuCommand): void {
  const files = useFiles.getState();
  const phones = usePhoneView.getState();
  switch (command.id) {
    case 'file.newDemo':
    case 'file.newEmpty':
      void files.newLab(command.id === 'file.newDemo' ? 'demo' : 'empty');
      return;
    case 'file.open':
      pickLabFile();
      return;
    case 'file.openRecent':
      void files.openRecent(command.path);
      return;
    case 'file.save':
    case 'file.saveAs':
      void files.save(command.id === 'file.saveAs');
      return;
    case 'view.phones':
    case 'view.phoneGrid':
      phones.setView(command.id === 'view.phones' ? 'phones' : 'grid');
      return;
    case 'lab.toggleClock': {
      const clock = useLab.getState().snapshot?.clock;
      if (clock) void useLabWindow.getState().setClock({ paused: !clock.paused });
      return;
    }
    case 'lab.jump1h':
    case 'lab.jump1d':
      void useLabWindow.getState().setClock({ advanceMs: JUMPS[command.id]! });
      return;
    case 'lab.updateRemoteClusters':
      void useMenu.getState().updateRemoteClusters(command.cluster);
      return;
    case 'lab.troubleshooter':
      useLabWindow.getState().setTab('troubleshooter');
      document.getElementById('tab-troubleshooter')?.scrollIntoView({ block: 'nearest' });
      document.getElementById('tab-troubleshooter')?.focus();
      return;
    case 'window.tilePhones':
      void phones.tile();
      return;
    case 'window.openAllPhones':
    case 'window.closeAllPhones':
      void phones.showAll(command.id === 'window.openAllPhones');
      return;
    case 'window.phone':
      void phones.openAndGo(command.deviceName);
      return;
    case 'window.admin':
      window.open(adminPageUrl({ cluster: command.cluster }), '_blank');
      return;
    case 'help.about':
    case 'help.guide':
      useMenu.getState().openDialog(command.id === 'help.about' ? 'about' : 'guide');
      return;
  }
}
