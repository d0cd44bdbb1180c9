import type { UiResource } from '../i18n';

/** The File menu and the refusal of a file. */
const resource: UiResource = {
  namespace: 'files',
  'en-US': {
    file: 'File',
    demoLab: 'Demo lab',
    emptyLab: 'New lab',
    working: 'Working…',
    newDemo: 'New demo lab',
    newEmpty: 'New empty lab (two clusters as just installed)',
    open: 'Open…',
    save: 'Save',
    saveAs: 'Save As…',
    recent: 'Recent',
    noRecent: 'No recent files',
    refused: 'The file was not opened; the lab that was open is unchanged.',
    dismiss: 'Dismiss',
    dropHere: 'Drop a lab (.emcclab) or scenario (.emccscenario) file to open it',
  },
  'zh-CN': {
    file: '文件',
    demoLab: '演示实验室',
    emptyLab: '新实验室',
    working: '处理中…',
    newDemo: '新建演示实验室',
    newEmpty: '新建空实验室（两个刚安装的群集）',
    open: '打开…',
    save: '保存',
    saveAs: '另存为…',
    recent: '最近打开',
    noRecent: '没有最近打开的文件',
    refused: '文件未打开；当前实验室保持不变。',
    dismiss: '关闭',
    dropHere: '拖放实验室文件（.emcclab）或场景文件（.emccscenario）以打开',
  },
};
export default resource;
