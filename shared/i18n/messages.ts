/**
 * Every user-visible string of the phones and the lab UI, per locale. The texts of error screens
 * are built from the error catalogue's display kinds, so a code's text lives in one place.
 * Chinese strings follow the seed guide's wording (无法登录, 请尝试重新登录, ...).
 */
export const LOCALES = ['en-US', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-US';

/** Narrow any string to a supported locale, falling back to the default. */
export function asLocale(value: string | null | undefined): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

const enUS = {
  error: {
    loginUnavailable: 'Login is unavailable ({{code}})',
    logoutUnavailable: 'Logout is unavailable ({{code}})',
    retry: 'Please try to login again ({{code}})',
    multiLogin: 'Multi-Login Not Allowed ({{code}})',
    loginType: 'LoginType invalid ({{code}})',
    dnMultipleUsers: 'DN has multiple users ({{code}})',
    unsuccessful: 'Login is unsuccessful ({{code}})',
    pinChange: 'PIN change is required',
    noPhoneRecord: 'No phone record entry in the device table ({{code}})',
  },
  em: {
    title: 'Extension Mobility',
    prompt: 'Enter your user ID and PIN',
    promptDn: 'Enter your primary extension and PIN',
    promptSp: 'Enter your self-service user ID and PIN',
    userId: 'User ID',
    selfServiceUserId: 'Self-service User ID',
    primaryExtension: 'Primary Extension',
    pin: 'PIN',
    logoutPrompt: 'Do you want to log out?',
    loggedInAs: 'Logged in as {{user}}',
    loginOk: 'Login successful. The phone is restarting.',
    logoutOk: 'Logout successful. The phone is restarting.',
    chooseProfile: 'Select a device profile',
    changePinTitle: 'Change PIN',
    changePinPrompt: 'PIN change is required. Enter a new PIN',
    newPin: 'New PIN',
    confirmPin: 'Confirm PIN',
    pinMismatch: 'The new PINs do not match. Enter them again',
    pinTooShort: 'The new PIN must be 4 to 128 digits. Enter it again',
    intercom: 'Intercom',
  },
  softkey: {
    submit: 'Submit',
    backspace: '<<',
    cancel: 'Cancel',
    yes: 'Yes',
    no: 'No',
    exit: 'Exit',
    select: 'Select',
    redial: 'Redial',
    newCall: 'NewCall',
    cfwdAll: 'CFwdAll',
    dnd: 'DND',
  },
  phone: {
    services: 'Services',
    applications: 'Applications',
    resetting: 'Resetting...',
    registering: 'Registering with {{host}}',
    unregistered: 'Unregistered',
    noServices: 'No services',
    serviceUnavailable: 'Host not found',
    httpError: 'HTTP error',
    extension: 'Ext {{dn}}',
  },
};

type Messages = typeof enUS;

const zhCN: Messages = {
  error: {
    loginUnavailable: '无法登录 ({{code}})',
    logoutUnavailable: '无法注销 ({{code}})',
    retry: '请尝试重新登录 ({{code}})',
    multiLogin: '不允许多点登录 ({{code}})',
    loginType: '登录类型无效 ({{code}})',
    dnMultipleUsers: '目录号码有多个用户 ({{code}})',
    unsuccessful: '登录不成功 ({{code}})',
    pinChange: '需要更改个人识别码',
    noPhoneRecord: '设备表中没有电话记录条目 ({{code}})',
  },
  em: {
    title: '分机移动',
    prompt: '输入用户 ID 和个人识别码',
    promptDn: '输入主分机和个人识别码',
    promptSp: '输入自助服务用户 ID 和个人识别码',
    userId: '用户 ID',
    selfServiceUserId: '自助服务用户 ID',
    primaryExtension: '主分机',
    pin: '个人识别码',
    logoutPrompt: '是否要注销？',
    loggedInAs: '已登录用户：{{user}}',
    loginOk: '登录成功。电话正在重新启动。',
    logoutOk: '注销成功。电话正在重新启动。',
    chooseProfile: '选择设备配置文件',
    changePinTitle: '更改个人识别码',
    changePinPrompt: '需要更改个人识别码。请输入新的个人识别码',
    newPin: '新个人识别码',
    confirmPin: '确认个人识别码',
    pinMismatch: '两次输入的新个人识别码不一致。请重新输入',
    pinTooShort: '新个人识别码必须为 4 到 128 位数字。请重新输入',
    intercom: '对讲',
  },
  softkey: {
    submit: '提交',
    backspace: '<<',
    cancel: '取消',
    yes: '是',
    no: '否',
    exit: '退出',
    select: '选择',
    redial: '重拨',
    newCall: '新呼叫',
    cfwdAll: '前转全部',
    dnd: '免打扰',
  },
  phone: {
    services: '服务',
    applications: '应用程序',
    resetting: '正在重置...',
    registering: '正在向 {{host}} 注册',
    unregistered: '未注册',
    noServices: '无服务',
    serviceUnavailable: '找不到主机',
    httpError: 'HTTP 错误',
    extension: '分机 {{dn}}',
  },
};

export const MESSAGES: Record<Locale, Messages> = { 'en-US': enUS, 'zh-CN': zhCN };
