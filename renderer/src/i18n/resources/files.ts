import type { UiResource } from '../i18n';

/** The open lab's name, the refusal of a file, dropping a file on the window. */
const resource: UiResource = {
  namespace: 'files',
  'en-US': {
    demoLab: 'Demo lab',
    emptyLab: 'New lab',
    working: 'Working…',
    refused: 'The file was not opened; the lab that was open is unchanged.',
    dismiss: 'Dismiss',
    dropHere: 'Drop a lab (.emcclab) or scenario (.emccscenario) file to open it',
  },
  'zh-CN': {
    demoLab: '演示实验室',
    emptyLab: '新实验室',
    working: '处理中…',
    refused: '文件未打开；当前实验室保持不变。',
    dismiss: '关闭',
    dropHere: '拖放实验室文件（.emcclab）或场景文件（.emccscenario）以打开',
  },
};
export default resource;
