/**
 * The words of a scenario being played: each step in words and what came of it, in en-US and
 * zh-CN. The main process says them as `Said` ({key, params}, shared/api/file-contract.ts) and
 * never picks a language; the renderer (namespace "scenario") and the command line translate them.
 *
 * An expectation names any mix of checks, so its sentence is assembled here, once per mix, from
 * one phrase per check: every key the runner can say exists in both languages.
 */
import type { Locale } from './messages';

/** The checks an `expect` step can make, in the order its sentence names them. */
export const EXPECT_CHECKS = [
  'shows', 'code', 'noCode', 'registeredTo', 'unregistered', 'loggedIn', 'nobody', 'emccSecure', 'emccNonSecure', 'apiCode', 'apiSuccess', 'apiAnswer',
] as const;
export type ExpectCheck = (typeof EXPECT_CHECKS)[number];

/** The checks that look at no phone: the only ones an expectation without a device makes. */
export const LAB_CHECKS: readonly ExpectCheck[] = ['apiCode', 'apiSuccess', 'apiAnswer'];

/** Checks that cannot be asked together (a code and no code, someone and nobody, secure and non-secure). */
const EXCLUSIVE: readonly (readonly ExpectCheck[])[] = [
  ['code', 'noCode'], ['registeredTo', 'unregistered'], ['loggedIn', 'nobody'], ['emccSecure', 'emccNonSecure'], ['apiCode', 'apiSuccess'],
];

/**
 * The i18n key of an expectation's sentence: `check.<checks joined by _>`, `check.device_…` when
 * it names a phone. Sentences without a phone exist for the lab checks only (a phone check
 * without a device is refused when the file is read), so one that has phone checks is said as
 * a phone's.
 */
export function expectKey(device: boolean, checks: readonly ExpectCheck[]): string {
  const ordered = EXPECT_CHECKS.filter((c) => checks.includes(c));
  const onPhone = device || ordered.some((c) => !LAB_CHECKS.includes(c));
  return `check.${[onPhone ? 'device' : 'lab', ...ordered].join('_')}`;
}

const PHRASES: Record<Locale, Record<ExpectCheck, string> & { device: string; lab: string; join: string; none: string }> = {
  'en-US': {
    device: 'Expect {{device}}: ',
    lab: 'Expect: ',
    join: ', ',
    none: 'nothing to check',
    shows: 'shows “{{shows}}”',
    code: 'error code {{code}}',
    noCode: 'no error code',
    registeredTo: 'registered to {{registeredTo}}',
    unregistered: 'not registered',
    loggedIn: '{{loggedIn}} logged in',
    nobody: 'nobody logged in',
    emccSecure: 'its EMCC login recorded as secure EMCC',
    emccNonSecure: 'its EMCC login recorded as non-secure EMCC',
    apiCode: 'the EM API answered code {{apiCode}}',
    apiSuccess: 'the EM API answered success',
    apiAnswer: 'the EM API answer contains “{{apiAnswer}}”',
  },
  'zh-CN': {
    device: '预期 {{device}}：',
    lab: '预期：',
    join: '，',
    none: '没有要检查的内容',
    shows: '显示“{{shows}}”',
    code: '错误代码 {{code}}',
    noCode: '没有错误代码',
    registeredTo: '注册到 {{registeredTo}}',
    unregistered: '未注册',
    loggedIn: '{{loggedIn}} 已登录',
    nobody: '无人登录',
    emccSecure: '其 EMCC 登录记录为安全 EMCC',
    emccNonSecure: '其 EMCC 登录记录为非安全 EMCC',
    apiCode: 'EM API 返回代码 {{apiCode}}',
    apiSuccess: 'EM API 返回成功',
    apiAnswer: 'EM API 响应包含“{{apiAnswer}}”',
  },
};

/** Every subset of `checks` that can be asked together. */
function checkMixes(checks: readonly ExpectCheck[]): ExpectCheck[][] {
  let mixes: ExpectCheck[][] = [[]];
  for (const c of checks) mixes = [...mixes, ...mixes.map((m) => [...m, c])];
  return mixes.filter((m) => !EXCLUSIVE.some(([a, b]) => m.includes(a!) && m.includes(b!)));
}

function checkSentences(locale: Locale): Record<string, string> {
  const p = PHRASES[locale];
  const out: Record<string, string> = {};
  for (const device of [true, false]) {
    for (const mix of checkMixes(device ? EXPECT_CHECKS : LAB_CHECKS)) {
      const body = mix.length ? mix.map((c) => p[c]).join(p.join) : p.none;
      out[expectKey(device, mix).slice('check.'.length)] = `${device ? p.device : p.lab}${body}`;
    }
  }
  return out;
}

const enUS = {
  step: {
    login: '{{user}} logs in on {{device}} with PIN {{pin}}',
    loginNoWait: '{{user}} logs in on {{device}} with PIN {{pin}}, without waiting for the answer',
    logout: 'Log out on {{device}}',
    press: 'Press {{keys}} on {{device}}',
    pressNoWait: 'Press {{keys}} on {{device}}, without waiting for the answer',
    type: 'Type “{{text}}” on {{device}}',
    typePress: 'Type “{{text}}” and press {{keys}} on {{device}}',
    typePressNoWait: 'Type “{{text}}” and press {{keys}} on {{device}}, without waiting for the answer',
    saveNew: '{{cluster}}: add {{kind}} ({{fields}})',
    save: '{{cluster}}: change {{kind}} {{key}} ({{fields}})',
    delete: '{{cluster}}: delete {{kind}} {{key}}',
    form: '{{cluster}}: change {{page}} ({{fields}})',
    services: '{{cluster}}: Service Activation on {{host}} ({{fields}})',
    faultOn: 'Switch on the fault “{{fault}}” for {{target}}',
    faultOnValue: 'Switch on the fault “{{fault}}” ({{value}}) for {{target}}',
    faultOff: 'Clear the fault “{{fault}}” for {{target}}',
    clock: 'Move the lab clock forward by {{duration}}',
    updateRemoteClusters: '{{cluster}}: Update Remote Cluster Now',
    untrust: '{{cluster}}: delete the {{purpose}} certificate of {{host}} from {{store}}',
    regenerate: '{{cluster}}: regenerate the {{purpose}} certificate of {{host}}',
    emApi: 'EM API {{request}} request to {{host}}',
    adminLogOut: '{{cluster}}: Phone page Log Out of {{device}}',
  },
  result: {
    shows: '{{device}} shows “{{text}}”',
    registered: '{{device}} is registered to {{cluster}}',
    state: '{{device}}: {{status}}',
    saved: 'Saved',
    savedWarnings: 'Saved. {{warnings}}',
    done: 'Done',
    apiSuccess: '{{host}} answered success',
    apiCode: '{{host}} answered code {{code}}: {{message}}',
    apiOther: '{{host}} answered HTTP {{status}}',
    clock: 'Lab time is now {{time}}',
    notWaited: '{{device}} sent its request; its answer is still on its way (not waited for)',
    held: 'As expected',
  },
  fail: {
    noPhone: 'There is no phone {{device}} in this lab',
    noCluster: 'There is no cluster {{cluster}} in this lab',
    noHost: 'There is no node {{host}} in this lab',
    notRegistered: '{{device}} is not registered ({{status}})',
    noServicesMenu: '{{device}} shows no services menu: “{{text}}”',
    noEmService: 'Extension Mobility is not in the services menu of {{device}}',
    loggedIn: 'A user is already logged in on {{device}}: log out first',
    noLoginForm: '{{device}} shows no login form: “{{text}}”',
    notLoggedIn: '{{device}} shows no logout prompt: “{{text}}”',
    refused: 'Refused: {{errors}}',
    unsettled: 'The lab did not settle within {{seconds}} s: {{what}}',
    apiUnreachable: '{{host}} did not answer: {{error}}',
    noTrustEntry: '{{store}} of {{cluster}} holds no {{purpose}} certificate of {{host}}',
    noRecord: '{{cluster}} has no {{kind}} named {{key}}',
    error: 'The step failed: {{error}}',
    stopped: 'Not played: an earlier step left the lab unsettled',
  },
  expect: {
    shows: '{{device}} shows “{{actual}}”, not “{{expected}}”',
    code: '{{device}} shows error code {{actual}}, expected {{expected}}',
    codeMissing: '{{device}} shows no error code, expected {{expected}}',
    noCode: '{{device}} shows error code {{actual}}, expected none',
    registeredTo: '{{device}} is registered to {{actual}}, expected {{expected}}',
    notRegistered: '{{device}} is not registered ({{status}}), expected {{expected}}',
    registered: '{{device}} is registered to {{actual}}, expected not registered',
    loggedIn: '{{actual}} is logged in on {{device}}, expected {{expected}}',
    loggedInNobody: 'Nobody is logged in on {{device}}, expected {{expected}}',
    nobody: '{{actual}} is logged in on {{device}}, expected nobody',
    apiCode: 'The last EM API answer had code {{actual}}, expected {{expected}}',
    apiCodeSuccess: 'The last EM API answer was a success, expected code {{expected}}',
    apiSuccess: 'The last EM API answer had code {{actual}}, expected success',
    apiAnswer: 'The last EM API answer does not contain “{{expected}}”: “{{actual}}”',
    noApi: 'No EM API request was sent before this check',
    noEmccLogin: 'No EMCC login is recorded for {{device}}',
    emccSecure: 'The EMCC login on {{device}} is recorded as non-secure EMCC, expected secure EMCC',
    emccNonSecure: 'The EMCC login on {{device}} is recorded as secure EMCC, expected non-secure EMCC',
    emccUnrecorded: 'The EMCC login on {{device}} records no security state (“{{actual}}”)',
  },
  status: {
    booting: 'booting',
    resetting: 'resetting',
    registering: 'registering',
    registered: 'registered',
    unregistered: 'unregistered',
  },
  run: {
    passed: 'passed',
    failed: 'failed',
    invalid: 'invalid',
  },
  check: checkSentences('en-US'),
};

type ScenarioMessages = typeof enUS;

const zhCN: ScenarioMessages = {
  step: {
    login: '{{user}} 在 {{device}} 上用 PIN {{pin}} 登录',
    loginNoWait: '{{user}} 在 {{device}} 上用 PIN {{pin}} 登录，不等待响应',
    logout: '在 {{device}} 上注销',
    press: '在 {{device}} 上按 {{keys}}',
    pressNoWait: '在 {{device}} 上按 {{keys}}，不等待响应',
    type: '在 {{device}} 上输入“{{text}}”',
    typePress: '在 {{device}} 上输入“{{text}}”并按 {{keys}}',
    typePressNoWait: '在 {{device}} 上输入“{{text}}”并按 {{keys}}，不等待响应',
    saveNew: '{{cluster}}：添加 {{kind}}（{{fields}}）',
    save: '{{cluster}}：修改 {{kind}} {{key}}（{{fields}}）',
    delete: '{{cluster}}：删除 {{kind}} {{key}}',
    form: '{{cluster}}：修改 {{page}}（{{fields}}）',
    services: '{{cluster}}：在 {{host}} 上激活服务（{{fields}}）',
    faultOn: '为 {{target}} 打开故障“{{fault}}”',
    faultOnValue: '为 {{target}} 打开故障“{{fault}}”（{{value}}）',
    faultOff: '为 {{target}} 清除故障“{{fault}}”',
    clock: '将实验室时钟向前拨 {{duration}}',
    updateRemoteClusters: '{{cluster}}：立即更新远程集群',
    untrust: '{{cluster}}：从 {{store}} 删除 {{host}} 的 {{purpose}} 证书',
    regenerate: '{{cluster}}：重新生成 {{host}} 的 {{purpose}} 证书',
    emApi: '向 {{host}} 发送 EM API {{request}} 请求',
    adminLogOut: '{{cluster}}：在电话页面注销 {{device}}',
  },
  result: {
    shows: '{{device}} 显示“{{text}}”',
    registered: '{{device}} 已注册到 {{cluster}}',
    state: '{{device}}：{{status}}',
    saved: '已保存',
    savedWarnings: '已保存。{{warnings}}',
    done: '完成',
    apiSuccess: '{{host}} 返回成功',
    apiCode: '{{host}} 返回代码 {{code}}：{{message}}',
    apiOther: '{{host}} 返回 HTTP {{status}}',
    clock: '实验室时间现在是 {{time}}',
    notWaited: '{{device}} 已发送请求；响应仍在途中（未等待）',
    held: '符合预期',
  },
  fail: {
    noPhone: '此实验室中没有电话 {{device}}',
    noCluster: '此实验室中没有集群 {{cluster}}',
    noHost: '此实验室中没有节点 {{host}}',
    notRegistered: '{{device}} 未注册（{{status}}）',
    noServicesMenu: '{{device}} 没有显示服务菜单：“{{text}}”',
    noEmService: '{{device}} 的服务菜单中没有 Extension Mobility',
    loggedIn: '{{device}} 上已有用户登录：请先注销',
    noLoginForm: '{{device}} 没有显示登录表单：“{{text}}”',
    notLoggedIn: '{{device}} 没有显示注销提示：“{{text}}”',
    refused: '被拒绝：{{errors}}',
    unsettled: '实验室在 {{seconds}} 秒内未稳定：{{what}}',
    apiUnreachable: '{{host}} 没有响应：{{error}}',
    noTrustEntry: '{{cluster}} 的 {{store}} 中没有 {{host}} 的 {{purpose}} 证书',
    noRecord: '{{cluster}} 中没有名为 {{key}} 的 {{kind}}',
    error: '此步骤失败：{{error}}',
    stopped: '未执行：之前的步骤使实验室未能稳定',
  },
  expect: {
    shows: '{{device}} 显示“{{actual}}”，而不是“{{expected}}”',
    code: '{{device}} 显示错误代码 {{actual}}，预期为 {{expected}}',
    codeMissing: '{{device}} 没有显示错误代码，预期为 {{expected}}',
    noCode: '{{device}} 显示错误代码 {{actual}}，预期没有错误代码',
    registeredTo: '{{device}} 注册到 {{actual}}，预期为 {{expected}}',
    notRegistered: '{{device}} 未注册（{{status}}），预期注册到 {{expected}}',
    registered: '{{device}} 注册到 {{actual}}，预期未注册',
    loggedIn: '{{device}} 上登录的是 {{actual}}，预期为 {{expected}}',
    loggedInNobody: '{{device}} 上无人登录，预期为 {{expected}}',
    nobody: '{{device}} 上登录的是 {{actual}}，预期无人登录',
    apiCode: '上一个 EM API 响应的代码是 {{actual}}，预期为 {{expected}}',
    apiCodeSuccess: '上一个 EM API 响应是成功，预期代码为 {{expected}}',
    apiSuccess: '上一个 EM API 响应的代码是 {{actual}}，预期为成功',
    apiAnswer: '上一个 EM API 响应不包含“{{expected}}”：“{{actual}}”',
    noApi: '此检查之前没有发送 EM API 请求',
    noEmccLogin: '{{device}} 没有 EMCC 登录记录',
    emccSecure: '{{device}} 上的 EMCC 登录记录为非安全 EMCC，预期为安全 EMCC',
    emccNonSecure: '{{device}} 上的 EMCC 登录记录为安全 EMCC，预期为非安全 EMCC',
    emccUnrecorded: '{{device}} 上的 EMCC 登录没有记录安全状态（“{{actual}}”）',
  },
  status: {
    booting: '正在启动',
    resetting: '正在重置',
    registering: '正在注册',
    registered: '已注册',
    unregistered: '未注册',
  },
  run: {
    passed: '通过',
    failed: '失败',
    invalid: '无效',
  },
  check: checkSentences('zh-CN'),
};

/** The i18n namespace the renderer and the command line keep these strings under. */
export const SCENARIO_NAMESPACE = 'scenario';

export const SCENARIO_TEXT: Record<Locale, ScenarioMessages> = { 'en-US': enUS, 'zh-CN': zhCN };
