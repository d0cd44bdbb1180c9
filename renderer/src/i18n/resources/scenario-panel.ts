import type { UiResource } from '../i18n';

/** The Scenarios tab of the lab window. */
const resource: UiResource = {
  namespace: 'scenarioPanel',
  'en-US': {
    library: 'Scenario library',
    filter: 'Filter: words, a code (208) or a table (table 6)',
    loading: 'Loading the library…',
    open: 'Open',
    step: 'Play next step',
    playAll: 'Play all',
    close: 'Close scenario',
    passed: 'Every expectation held',
    failed: 'An expectation failed',
    codes: 'codes {{codes}}',
  },
  'zh-CN': {
    library: '场景库',
    filter: '筛选：关键词、错误代码（208）或表（table 6）',
    loading: '正在加载场景库…',
    open: '打开',
    step: '执行下一步',
    playAll: '全部执行',
    close: '关闭场景',
    passed: '所有预期均成立',
    failed: '有预期未成立',
    codes: '代码 {{codes}}',
  },
};
export default resource;
