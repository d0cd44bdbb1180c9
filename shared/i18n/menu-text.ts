/**
 * The words of the application menu and of the desktop shell's own dialogs, per locale. The
 * desktop shell builds the native menu from them (in the system's language); the page's menu bar
 * uses the same table as its `menu` namespace (renderer/src/i18n/resources/menu.ts), so both
 * menus say the same thing. Nested: `command.file.save` is the label of the command `file.save`.
 */
import type { Locale } from './messages';

const enUS = {
  app: 'EMCC Lab',
  bar: 'Menu bar',
  file: 'File',
  edit: 'Edit',
  view: 'View',
  lab: 'Lab',
  window: 'Window',
  help: 'Help',
  command: {
    file: {
      newDemo: 'New Demo Lab',
      newEmpty: 'New Empty Lab (two clusters as just installed)',
      open: 'Open…',
      save: 'Save',
      saveAs: 'Save As…',
    },
    view: { phones: 'Phone List', phoneGrid: 'Phone Grid' },
    lab: {
      run: 'Run Clock',
      pause: 'Pause Clock',
      toggleClock: 'Run / Pause Clock',
      jump1h: 'Jump 1 Hour Forward',
      jump1d: 'Jump 1 Day Forward',
      troubleshooter: 'Troubleshooter…',
    },
    window: { tilePhones: 'Tile Phones', openAllPhones: 'Open All Phones', closeAllPhones: 'Close All Phones' },
    help: { guide: 'EMCC Lab Guide', about: 'About EMCC Lab' },
  },
  recent: 'Open Recent',
  noRecent: 'No recent files',
  quit: 'Quit EMCC Lab',
  role: {
    undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    reload: 'Reload', toggleDevTools: 'Toggle Developer Tools', resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out',
    togglefullscreen: 'Toggle Full Screen', minimize: 'Minimize', close: 'Close Window', hide: 'Hide EMCC Lab', hideOthers: 'Hide Others',
    unhide: 'Show All', front: 'Bring All to Front',
  },
  updateRemoteClusters: 'Update Remote Clusters Now',
  phones: 'Phones',
  /** The Window menu lists this many phones; the rest are in the phone grid. */
  morePhones: 'All {{count}} phones in the phone grid…',
  administration: 'Administration',
  adminOf: 'Administration: {{cluster}}',
  dialog: {
    openTitle: 'Open a lab or a scenario',
    labFiles: 'EMCC Lab files',
    scenarioFiles: 'EMCC Lab scenarios',
    saveTitle: 'Save the lab as',
    refused: 'The file was not opened; the lab that was open is unchanged.',
    saveFailed: 'The lab was not saved.',
    updated: 'The remote clusters of {{cluster}} were updated.',
    failed: '{{what}} failed: {{error}}',
  },
};

type MenuText = typeof enUS;

const zhCN: MenuText = {
  app: 'EMCC 实验室',
  bar: '菜单栏',
  file: '文件',
  edit: '编辑',
  view: '视图',
  lab: '实验室',
  window: '窗口',
  help: '帮助',
  command: {
    file: {
      newDemo: '新建演示实验室',
      newEmpty: '新建空实验室（两个刚安装的群集）',
      open: '打开…',
      save: '保存',
      saveAs: '另存为…',
    },
    view: { phones: '电话列表', phoneGrid: '电话网格' },
    lab: {
      run: '运行时钟',
      pause: '暂停时钟',
      toggleClock: '运行/暂停时钟',
      jump1h: '向前跳 1 小时',
      jump1d: '向前跳 1 天',
      troubleshooter: '故障排除…',
    },
    window: { tilePhones: '平铺电话', openAllPhones: '打开所有电话', closeAllPhones: '关闭所有电话' },
    help: { guide: 'EMCC 实验室指南', about: '关于 EMCC 实验室' },
  },
  recent: '最近打开',
  noRecent: '没有最近打开的文件',
  quit: '退出 EMCC 实验室',
  role: {
    undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选',
    reload: '重新加载', toggleDevTools: '切换开发者工具', resetZoom: '实际大小', zoomIn: '放大', zoomOut: '缩小',
    togglefullscreen: '切换全屏', minimize: '最小化', close: '关闭窗口', hide: '隐藏 EMCC 实验室', hideOthers: '隐藏其他',
    unhide: '全部显示', front: '前置全部窗口',
  },
  updateRemoteClusters: '立即更新远程群集',
  phones: '电话',
  morePhones: '电话网格中的全部 {{count}} 部电话…',
  administration: '管理',
  adminOf: '管理：{{cluster}}',
  dialog: {
    openTitle: '打开实验室或场景',
    labFiles: 'EMCC 实验室文件',
    scenarioFiles: 'EMCC 实验室场景',
    saveTitle: '实验室另存为',
    refused: '文件未打开；当前实验室保持不变。',
    saveFailed: '实验室未保存。',
    updated: '已更新 {{cluster}} 的远程群集。',
    failed: '{{what}}失败：{{error}}',
  },
};

export const MENU_TEXT: Record<Locale, MenuText> = { 'en-US': enUS, 'zh-CN': zhCN };

/** A text of the table by its dotted key, `{{name}}` filled in; the key itself if it names none. */
export function menuText(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = MENU_TEXT[locale];
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
