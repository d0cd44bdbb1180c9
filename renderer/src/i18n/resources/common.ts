import type { UiResource } from '../i18n';

/** Words used all over the UI. */
const resource: UiResource = {
  namespace: 'common',
  'en-US': {
    language: 'Language',
    // Each language is named in its own language, whatever the UI's language.
    languageName: { 'en-US': 'English', 'zh-CN': '中文' },
    close: 'Close',
    cancel: 'Cancel',
    refresh: 'Refresh',
    loading: 'Loading…',
    listSeparator: ', ',
  },
  'zh-CN': {
    language: '语言',
    languageName: { 'en-US': 'English', 'zh-CN': '中文' },
    close: '关闭',
    cancel: '取消',
    refresh: '刷新',
    loading: '正在加载…',
    listSeparator: '、',
  },
};
export default resource;
