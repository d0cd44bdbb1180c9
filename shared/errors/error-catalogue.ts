/**
 * The error catalogue of the guide (tables 9 and 10, "Extension Mobility application / service
 * error codes"): one row per code with what the phone displays and why it happens, in en-US and
 * zh-CN. Everything that shows, explains or tests an error code reads this table.
 */

/** Which component raises the code: the phone-facing EM application or the EM service. */
export type ErrorSource = 'emapp' | 'emservice';

/**
 * How the phone shows the code. `unavailable` shows "Login is unavailable (N)" for a login and
 * "Logout is unavailable (N)" for a logout; the others are fixed texts from the guide.
 */
export type DisplayKind =
  | 'unavailable'
  | 'retry' // "Please try to login again (N)", N = `shows` or the code itself
  | 'multiLogin'
  | 'loginType'
  | 'dnMultipleUsers'
  | 'unsuccessful'
  | 'pinChange'
  | 'noPhoneRecord';

export interface Localized {
  'en-US': string;
  'zh-CN': string;
}

export interface ErrorEntry {
  code: number;
  source: ErrorSource;
  display: DisplayKind;
  /** Which actions the guide lists the display for ("L", "O" or both). */
  during: { login: boolean; logout: boolean };
  /** The code the phone shows instead of this one (internal codes 39, 40, 44). */
  shows?: number;
  /** Internal codes are never shown as themselves (guide: "this is an internal error code"). */
  internal?: boolean;
  summary: Localized;
  cause: Localized;
}

const L = { login: true, logout: false };
const O = { login: false, logout: true };
const LO = { login: true, logout: true };

function row(
  code: number,
  source: ErrorSource,
  display: DisplayKind,
  during: { login: boolean; logout: boolean },
  summary: Localized,
  cause: Localized,
  extra: Partial<Pick<ErrorEntry, 'shows' | 'internal'>> = {},
): ErrorEntry {
  return { code, source, display, during, summary, cause, ...extra };
}

const t = (en: string, zh: string): Localized => ({ 'en-US': en, 'zh-CN': zh });

/** Every code of the guide's two tables, in table order. */
export const ERROR_CATALOGUE: readonly ErrorEntry[] = [
  // Table 9: Extension Mobility application (EMApp) error codes
  row(201, 'emapp', 'retry', L, t('Authentication error', '验证错误'),
    t('If the user is an EMCC user, EMCC is not activated in the Intercluster Service Profile window.',
      '如果用户是 EMCC 用户，当“EMCC”未在群集间服务配置文件窗口中激活时，便可能发生此错误。')),
  row(202, 'emapp', 'retry', L, t('Blank user ID or PIN', '空白的用户 ID 或个人识别码'),
    t('The user entered a blank user ID or PIN.', '用户输入空白的用户 ID 或个人识别码。')),
  row(204, 'emapp', 'unavailable', L, t('Directory server error', '目录服务器错误'),
    t('IMS cannot authenticate the user with the given PIN.', '当 IMS 使用指定的个人识别码无法验证用户时，EMApp 会发送此错误到电话。')),
  row(205, 'emapp', 'unavailable', LO, t('User profile absent', '无用户配置文件'),
    t('The user profile information cannot be retrieved from the cache or the database.', '无法从缓存或数据库检索用户配置文件信息时会发生此错误。')),
  row(207, 'emapp', 'unavailable', LO, t('Device name empty', '无设备名称'),
    t('The request URI has no device name. A real phone never does this; only third-party applications can.',
      '当请求 URI 中缺少设备或名称标签时会发生此错误。这不可能对实际设备发生，而仅在请求发送自第三方应用程序时才可能发生。')),
  row(208, 'emapp', 'unavailable', LO, t('EM service connection error', 'EM 服务连接错误'),
    t('The visiting EMApp cannot reach any visiting EM service (service down or not activated), or the visiting EM service cannot reach the home EM service (WAN down or certificate not trusted).',
      '访问 EMApp 无法连接到任何访问 EM 服务。（服务关闭或未激活。） 访问 EM 服务无法连接到主 EM 服务（WAN 关闭或证书不可信任。）')),
  row(210, 'emapp', 'unavailable', LO, t('Initialization failed, contact admin', '初始化失败 - 请与管理员联系'),
    t('EMApp failed to initialize, for example because the database could not be reached at start.',
      '初始化 EMApp 时发生错误（例如数据库连接失败）。发生错误的原因可能是在启动期间无法连接到数据库。')),
  row(211, 'emapp', 'unavailable', LO, t('EMCC not activated', 'EMCC 未激活'),
    t('PSTN Access is not activated in the visiting cluster\'s Intercluster Service Profile window.', '在访问群集的群集间服务配置文件窗口中未激活 PSTN 时会发生此错误。')),
  row(212, 'emapp', 'unavailable', L, t('Cluster ID invalid', '群集 ID 无效'),
    t('The remote cluster update failed because a wrong cluster ID was sent to the remote cluster.', '因发送错误群集 ID 到远程群集而导致远程群集更新失败时会发生此错误。')),
  row(213, 'emapp', 'unavailable', LO, t('Device does not support EMCC', '设备不支持 EMCC'),
    t('The device does not support EMCC.', '设备不支持 EMCC 时会发生此错误。')),
  row(215, 'emapp', 'loginType', L, t('LoginType invalid', '登录类型无效'),
    t('The loginType is invalid. Allowed values: SP (self-service user ID), DN (primary extension), UID (user ID).',
      '登录类型无效时会发生此错误。允许的值包括：自助服务用户 ID 的 SP、主分机的目录号码 DN、用户 ID 的 UID。')),
  row(216, 'emapp', 'dnMultipleUsers', L, t('DN has multiple users', '目录号码有多个用户'),
    t('The extension used for the EM login is the primary extension of several users.', '当用于 EM 登录的分机被分配给多个用户作为主分机时会发生此错误。')),

  // Table 10: Extension Mobility service error codes
  row(0, 'emservice', 'unavailable', LO, t('Unknown error', '未知错误'), t('The EM service failed for an unknown reason.', 'EM 服务失败，原因未知。')),
  row(1, 'emservice', 'unavailable', LO, t('Error on parsing', '解析时出错'),
    t('The EM service cannot parse the XML request from EMApp or another EM service: an incorrect third-party EM API request, or a version mismatch between the home and visiting clusters.',
      '当 EM 服务无法解析来自 EMapApp 或 EM 服务的 XML 请求时。当第三方应用程序发送不正确的查询来登录 XML (EM API) 时会发生此错误。主群集和访问群集之间版本不匹配也可能发生此错误。')),
  row(2, 'emservice', 'unavailable', L, t('EMCC authentication error', 'EMCC 验证错误'),
    t('The EMCC user credentials cannot be verified because the user entered a wrong PIN.', '因为用户输入错误的个人识别码, EMCC 用户凭证无法验证。')),
  row(3, 'emservice', 'unavailable', LO, t('Invalid application user', '应用程序用户无效'),
    t('The application user is invalid, usually through the EM API.', '应用程序用户无效。发生此错误的原因通常是因为 EM API。')),
  row(4, 'emservice', 'unavailable', LO, t('Policy validation error', '策略验证错误'),
    t('The EM service could not validate the login or logout request (database query or cache retrieval failed).',
      'EM 服务在因某种未知原因 (查询数据库出错或从缓存检索信息出错) 而无法验证登录或注销请求时将会发送此错误。')),
  row(5, 'emservice', 'unavailable', LO, t('Device logon disabled', '禁用设备登录'),
    t('"Enable Extension Mobility" is unchecked in the Phone Configuration window of the device.', '用户登录到的设备, 启用分机移动在电话配置窗口中未选中。')),
  row(6, 'emservice', 'unavailable', LO, t('Database error', '数据库错误'),
    t('The database returned an exception while executing the query or stored procedure of the EM service request (login/logout or device/user query).',
      '如果在执行 EM 服务请求的查询或存储程序 (登录/注销或设备/用户查询) 时数据库返回异常, EM 服务将发送此错误代码到 EMapApp。')),
  row(8, 'emservice', 'unavailable', LO, t('Query type undetermined', '未确定查询类型'),
    t('No valid query was sent to the EM service (DeviceUserQuery and UserDeviceQuery are valid): EM API or incorrect XML input.',
      '没有有效查询发送到 EM 服务 (DeviceUserQuery 和 UserDeviceQuery 是有效的)。由于 EM API 或不正确的 XML 输入时会发生此错误。')),
  row(9, 'emservice', 'unavailable', LO, t('Directory user info error', '目录用户信息错误'),
    t('IMS returned an exception while authenticating the user, or the user\'s information could not be retrieved from the cache or the database.',
      '在两种情况下会出现此错误： 1. IMS 尝试对用户进行身份验证时返回例外。 2. 无法从缓存或数据库检索用户的信息时。')),
  row(10, 'emservice', 'unavailable', LO, t('User lacks application proxy rights', '用户没有应用程序代理权限'),
    t('The user tries to log in on behalf of another user. By default CCMSysUser has administrator rights.', '用户尝试代表另一个用户登录。默认情况下，CCMSysUser 具有管理员权限。')),
  row(11, 'emservice', 'unavailable', LO, t('Device does not exist', '设备不存在'),
    t('There is no phone record entry in the device table.', '设备表中没有电话记录条目。')),
  row(12, 'emservice', 'noPhoneRecord', LO, t('Device profile not found', '设备配置文件找不到'),
    t('No device profile is associated with the remote user.', '没有与远程用户关联设备配置文件。')),
  row(18, 'emservice', 'unavailable', L, t('Another user logged in', '另一用户已登录'),
    t('Another user is already logged in to the phone.', '另一用户已登录该电话。')),
  row(19, 'emservice', 'unavailable', O, t('No user logged in', '无用户登录'),
    t('The system tried to log out a user who is not logged in (an EM API logout request).', '系统尝试注销尚未登录的用户。从第三方应用程序 (EM API) 发送注销请求时会发生此错误。')),
  row(20, 'emservice', 'unavailable', LO, t('Hoteling flag error', '旅馆标记错误'),
    t('"Enable Extension Mobility" is unchecked in the Phone Configuration window.', '启用分机移动在电话配置窗口中未选中。')),
  row(21, 'emservice', 'unavailable', LO, t('Hoteling status error', '旅馆状态错误'),
    t('The current user state could not be retrieved from the local cache or the database.', '从本地缓存或数据库中均未检索到当前用户状态。')),
  row(22, 'emservice', 'unavailable', L, t('Device logon disabled', '禁用设备登录'),
    t('EM is not enabled on the device and the request came through the EM API or the Services button.', '在设备上未启用 EM 并且请求通过 EM API 发送或者在电话上按下服务按键时发生此错误。')),
  row(23, 'emservice', 'unavailable', LO, t('User does not exist', '用户不存在'),
    t('The user ID was not found (in any remote cluster).', '找不到指定的用户 ID (在任何远程群集中) 时发生此错误。')),
  row(25, 'emservice', 'multiLogin', L, t('User logged in elsewhere', '用户已在别处登录'),
    t('The user is already logged in to another phone in the local or a remote cluster.', '用户目前已登录到本地群集或远程群集中的另一部电话。')),
  row(26, 'emservice', 'unavailable', LO, t('Busy, please try again', '忙, 请重试'),
    t('The EM service reached the threshold of the Maximum Concurrent Requests service parameter.', '当 EM 服务已经达到最大并发请求数 (Maximum Concurrent Requests) 服务参数的阈值时会发生此错误。')),
  row(28, 'emservice', 'unavailable', LO, t('Untrusted IP error', '不受信任 IP 错误'),
    t('Validate IP Address is True and the request came from a machine not in the Trusted List of IPs service parameter.',
      '当验证 IP 地址 (Validate IP Address) 服务参数设置为 True 而用户尝试从 IP 地址不受信任的机器登录或注销时会发生此错误。')),
  row(29, 'emservice', 'unavailable', LO, t('RIS down, contact admin', 'ris 关闭 - 请与管理员联系'),
    t('The Real-time Information Server Data Collector (RISDC) cache is not created or initialized and the EM service cannot connect to RISDC.',
      '实时信息服务器数据收集器 (RISDC) 缓存没有创建或初始化, 且 EM 服务无法连接到 RISDC。')),
  row(30, 'emservice', 'unavailable', LO, t('Proxy not allowed', '不允许代理'),
    t('The login or logout came through a proxy ("Via" set in the HTTP header) and the Allow Proxy service parameter is False.',
      '当通过代理登录和注销时 (“Via” (通过) 在 HTTP 标头中设置) 且 Allow Proxy (允许代理) 服务参数设置为 False 。')),
  row(31, 'emservice', 'unavailable', LO, t('EMCC not activated for the user', 'EMCC 未对用户激活'),
    t('"Enable Extension Mobility Cross Cluster" is unchecked in the End User Configuration window of the home cluster.', '在主群集的 最终用户配置 窗口中未勾选 启用跨群集分机移动 复选框时会发生此错误。')),
  row(32, 'emservice', 'unavailable', LO, t('Device does not support EMCC', '设备不支持 EMCC'),
    t('The device model does not support EMCC.', '当设备型号没有 EMCC 功能时会发生此错误。')),
  row(33, 'emservice', 'unavailable', LO, t('No free EMCC dummy device', '没有可用的 EMCC 虚拟设备'),
    t('All EMCC dummy devices are in use by other EMCC logins.', '当所有 EMCC 虚拟设备已被其他 EMCC 登录使用时发生此错误。')),
  row(35, 'emservice', 'unavailable', LO, t('Visiting cluster information not in home cluster', '主群集中不存在访问群集信息'),
    t('The home cluster has no remote cluster entry for this visiting cluster.', '当主群集没有此访问群集的条目时发生此错误。')),
  row(36, 'emservice', 'unavailable', LO, t('No remote cluster', '无远程群集'),
    t('The administrator has not added any remote cluster.', '当管理员未添加远程群集时会发生此错误。')),
  row(37, 'emservice', 'unavailable', LO, t('Duplicate device name', '重复的设备名称'),
    t('The same device name exists in both the home and the visiting cluster.', '当主群集和访问群集中存在相同的设备名称时会发生此错误。')),
  row(38, 'emservice', 'unavailable', LO, t('EMCC not allowed', '不允许 EMCC'),
    t('The home cluster does not allow EMCC logins ("Enable Extension Mobility Cross Cluster" unchecked in the home cluster).', '当主群集不希望允许 EMCC 登录（在主群集中未勾选 启用跨群集分机移动 复选框）时会发生此错误。')),
  row(39, 'emservice', 'retry', L, t('Configuration issue', '配置问题'),
    t('The Default and Backup TFTP Server for EMCC Login Device are not set correctly in EMCC Feature Configuration. Internal code.',
      '当 EMCC 登录设备的默认 TFTP 服务器 和备用 TFTP 服务器 未在“EMCC 功能配置”页面中正确设置时会发生此错误。这是内部错误代码。'),
    { shows: 201, internal: true }),
  row(40, 'emservice', 'retry', L, t('No response from remote host', '远程主机没有响应'),
    t('No response was received from the remote host. Internal code.', '当没有从远程主机获得响应时会发生此错误。这是内部错误代码。'),
    { shows: 23, internal: true }),
  row(41, 'emservice', 'pinChange', L, t('PIN change is required', '需要更改个人识别码'),
    t('The administrator enabled "User Must Change at Next Login" for the PIN; the user is redirected to the Change Credential page. Internal code.',
      '当管理员为个人识别码启用了 用户必须在下次登录时更改 时会发生此错误。在这种情况下，用户会被重定向到“更改凭证”页面。这是内部错误代码。'),
    { internal: true }),
  row(42, 'emservice', 'unavailable', LO, t('Invalid cluster ID', '群集 ID 无效'),
    t('The remote cluster ID is invalid; this can happen during a remote cluster update.', '远程群集 ID 无效时会发生此错误。此错误可能会在远程群集更新期间发生。')),
  row(43, 'emservice', 'unavailable', L, t('Device security mode error', '设备安全模式错误'),
    t('The device security profile of the EMCC device must have its Device Security Mode set to Non Secure.', '关联至 EMCC 设备的设备安全性配置文件，对于其设备安全模式，应设置为“不安全”。')),
  row(44, 'emservice', 'retry', L, t('Configuration issue', '配置问题'),
    t('The cluster ID is invalid. Internal code.', '群集 ID 无效时会发生此错误。这是内部错误代码。'),
    { shows: 201, internal: true }),
  row(45, 'emservice', 'unsuccessful', L, t('Remote cluster version not supported', '不支持远程群集版本'),
    t('EMCC login with the visiting cluster at 9.x in mixed mode, the phone in secure mode and the home cluster at 8.x.', '当访问群集版本为 9.x 且处于混合模式、电话处于安全模式、主群集版本为 8.x 时进行 EMCC 登录会发生此错误。')),
  row(46, 'emservice', 'unsuccessful', L, t('Remote cluster security mode not supported', '不支持远程群集安全模式'),
    t('EMCC login with the visiting cluster in mixed mode, the phone in secure mode and the home cluster in non-secure mode.', '当访问群集安全模式为混合模式、电话处于安全模式、主群集处于不安全模式时进行 EMCC 登录会发生此错误。')),
  row(47, 'emservice', 'dnMultipleUsers', L, t('DN has multiple users', '目录号码有多个用户'),
    t('During an EMCC login, the extension used to log in is the primary extension of several users.', 'EMCC 登录期间，当用于登录的分机被分配给多个用户作为主分机时会发生此错误。')),
];

const BY_CODE = new Map(ERROR_CATALOGUE.map((e) => [e.code, e]));

/**
 * The message Cisco's EM service puts in `<error code="N">` for the codes its EM API reference
 * names (developer.cisco.com, Extension Mobility API response codes); other codes carry the
 * guide's quick description.
 */
const EM_API_MESSAGES: Readonly<Record<number, string>> = {
  0: 'Unknown Error', 1: 'Error on Parsing', 3: 'Invalid App User', 4: 'Policy Validation error', 5: 'Device logon disabled',
  6: 'Database Error', 8: 'Query type undetermined', 9: 'Dir. User Info Error', 10: 'User lacks app proxy rights',
  11: 'Device does not exist', 12: 'Dev. Profile not found', 18: 'Another user logged in', 19: 'No user logged in',
  20: 'Hoteling flag error', 21: 'Hoteling Status error', 22: 'Device logon disabled', 23: 'User does not exist',
};

/** The text of an EM service failure answer for `code`. */
export function emServiceMessage(code: number): string {
  return EM_API_MESSAGES[code] ?? BY_CODE.get(code)?.summary['en-US'] ?? 'Unknown Error';
}

/** The catalogue row of a code; throws for a code the guide does not have (a programming error). */
export function errorEntry(code: number): ErrorEntry {
  const entry = BY_CODE.get(code);
  if (!entry) throw new Error(`error code ${code} is not in the guide's catalogue`);
  return entry;
}

/** Named codes, so domain code says `EmError.WrongPin` rather than a bare number. */
export const EmError = {
  Unknown: 0,
  Parse: 1,
  EmccAuthentication: 2,
  InvalidAppUser: 3,
  PolicyValidation: 4,
  DeviceLogonDisabled: 5,
  Database: 6,
  QueryTypeUndetermined: 8,
  DirectoryUserInfo: 9,
  NoProxyRights: 10,
  DeviceNotExist: 11,
  DeviceProfileNotFound: 12,
  AnotherUserLoggedIn: 18,
  NoUserLoggedIn: 19,
  HotelingFlag: 20,
  HotelingStatus: 21,
  DeviceLogonDisabledService: 22,
  UserNotExist: 23,
  MultiLoginNotAllowed: 25,
  Busy: 26,
  UntrustedIp: 28,
  RisDown: 29,
  ProxyNotAllowed: 30,
  EmccNotActivatedForUser: 31,
  DeviceModelNoEmcc: 32,
  NoFreeEmccDevice: 33,
  VisitingClusterUnknown: 35,
  NoRemoteCluster: 36,
  DuplicateDeviceName: 37,
  EmccNotAllowed: 38,
  TftpNotConfigured: 39,
  NoResponseFromRemote: 40,
  PinChangeRequired: 41,
  InvalidClusterId: 42,
  DeviceSecurityMode: 43,
  ConfigInvalidClusterId: 44,
  RemoteVersionNotSupported: 45,
  RemoteSecurityModeNotSupported: 46,
  EmccDnMultipleUsers: 47,
  AuthenticationError: 201,
  BlankUserIdOrPin: 202,
  DirectoryServer: 204,
  UserProfileAbsent: 205,
  DeviceNameEmpty: 207,
  EmServiceConnection: 208,
  InitFailed: 210,
  EmccNotActivated: 211,
  ClusterIdInvalid: 212,
  DeviceNoEmcc: 213,
  LoginTypeInvalid: 215,
  DnMultipleUsers: 216,
} as const;
export type EmErrorCode = (typeof EmError)[keyof typeof EmError];
