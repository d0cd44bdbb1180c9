import type { UiResource } from '../i18n';
import { MENU_TEXT } from '../../../../shared/i18n/menu-text';

/**
 * The menus (the page's menu bar, and the desktop app's own menu, which reads the same table in
 * shared/i18n/menu-text.ts so both say the same thing).
 */
const resource: UiResource = {
  namespace: 'menu',
  'en-US': MENU_TEXT['en-US'],
  'zh-CN': MENU_TEXT['zh-CN'],
};
export default resource;
