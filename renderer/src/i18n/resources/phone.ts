import type { UiResource } from '../i18n';

/**
 * The chrome of an emulated phone (its keys' labels and tooltips). What its screen shows comes
 * translated from the main process in the phone's own locale; `status` is also shown on the
 * screen's header, in the phone's locale.
 */
export default {
  namespace: 'phone',
  'en-US': {
    aria: 'Phone {{name}}',
    softkey: 'Softkey {{n}}',
    softkeyLabel: 'Softkey {{n}} {{label}}',
    up: 'Up',
    select: 'Select',
    down: 'Down',
    back: 'Back',
    key: 'Key {{key}}',
    status: { booting: 'booting', registering: 'registering', registered: 'registered', resetting: 'resetting', unregistered: 'unregistered' },
  },
  'zh-CN': {
    aria: '电话 {{name}}',
    softkey: '软键 {{n}}',
    softkeyLabel: '软键 {{n}} {{label}}',
    up: '向上',
    select: '选择',
    down: '向下',
    back: '返回',
    key: '按键 {{key}}',
    status: { booting: '正在启动', registering: '正在注册', registered: '已注册', resetting: '正在重置', unregistered: '未注册' },
  },
} satisfies UiResource;
