import { ENTITIES, type EntityDef } from '../../../../shared/admin/entities';
import type { FieldDef } from '../../../../shared/admin/fields';
import { PAGES, type FormPageDef } from '../../../../shared/admin/pages';
import type { UiResource } from '../i18n';

/**
 * The administration tables' titles and fields (see ../admin-text.ts for the keys). The English
 * is read from the tables themselves (shared/admin, shared/parameters), which the main process
 * also validates with, so it has one source; zh-CN uses the names of the Chinese Unified CM
 * administration (设备 > 电话, 用户管理 > 最终用户, 跨群集分机移动...) and of the seed guide.
 */
interface FieldTexts {
  label: string;
  help?: string;
  what?: string;
}
interface TableTexts {
  title: string;
  plural?: string;
  field: Record<string, FieldTexts>;
}

function fieldTexts(fields: readonly FieldDef[]): Record<string, FieldTexts> {
  return Object.fromEntries(fields.map((f) => [f.key, {
    label: f.label,
    ...(f.help !== undefined ? { help: f.help } : {}),
    ...(f.pattern ? { what: f.pattern.what } : {}),
  }]));
}

const entityTexts = (e: EntityDef): TableTexts => ({ title: e.title, plural: e.plural, field: fieldTexts(e.fields) });
const pageTexts = (p: FormPageDef): TableTexts => ({ title: p.title, field: fieldTexts(p.fields) });

const enUS = {
  entity: Object.fromEntries(Object.values(ENTITIES).map((e) => [e.kind, entityTexts(e)])),
  page: Object.fromEntries(Object.values(PAGES).map((p) => [p.page, pageTexts(p)])),
};

// Fields several tables share.
const NAME_WHAT = '不含 " < > & % 或 \\ 的名称';
const DN_WHAT = '目录号码（数字、* # +）';
const USER_ID_WHAT = '不含空格或 " < > & % \\ 的用户 ID';
const HOST_WHAT = 'IP 地址或主机名';
const CLUSTER_ID_WHAT = '字母、数字、- 和 _';
const DESCRIPTION = { label: '说明' };
const NAME = { label: '名称', what: NAME_WHAT };
const LOCALE = { label: '用户区域设置', help: '无：使用设备池的区域设置。' };
const MOH = { label: '用户保留 MOH 音频来源', help: '无：使用设备池的音频来源，然后是系统默认值。' };
const LINES = { label: '线路（目录号码）' };
const SERVICES = { label: '已预订的服务' };
const SECURITY_PROFILE = { label: '设备安全配置文件' };
const DND = {
  dnd: { label: '免打扰' },
  dndOption: { label: 'DND 选项', help: 'SCCP 上的 7940/7960：仅“振铃器关闭”；移动电话和双模电话：仅“呼叫拒绝”。' },
  dndIncomingCallAlert: { label: 'DND 来电警告' },
};
const GEOLOCATION_PARTS = {
  country: '国家/地区（使用两个字母的缩写）',
  state: '州、地区或省 (A1)',
  county: '县或教区 (A2)',
  city: '城市或镇 (A3)',
  borough: '自治市镇或城区 (A4)',
  neighborhood: '街区 (A5)',
  street: '街道 (A6)',
  houseNumber: '门牌号 (HNO)',
  postalCode: '邮政编码 (PC)',
  location: '其他位置信息 (LOC)',
};
const useOf = (part: string) => `use${part[0]!.toUpperCase()}${part.slice(1)}`;

const zhCN = {
  entity: {
    node: {
      title: '服务器', plural: '服务器',
      field: {
        host: { label: '主机名', what: '主机名（字母、数字和 -）' },
        role: { label: '角色' },
        ipv4: { label: 'IPv4 地址', what: 'IPv4 地址' },
        ipv6: { label: 'IPv6 地址', what: 'IPv6 地址' },
        description: DESCRIPTION,
      },
    },
    devicePool: {
      title: '设备池', plural: '设备池',
      field: {
        name: { label: '设备池名称', what: NAME_WHAT },
        geolocation: { label: '地理位置', help: '访问电话的漫游设备池按其地理位置，通过 EMCC 地理位置过滤器选出。' },
        userLocale: LOCALE,
        commonDeviceConfig: { label: '通用设备配置' },
        callingSearchSpace: { label: '自动注册的呼叫搜索空间' },
      },
    },
    geolocation: {
      title: '地理位置', plural: '地理位置',
      field: {
        name: NAME,
        description: DESCRIPTION,
        ...Object.fromEntries(Object.entries(GEOLOCATION_PARTS).map(([k, label]) => [k, { label }])),
        country: { label: GEOLOCATION_PARTS.country, what: '两个大写字母（US、CN）' },
      },
    },
    geolocationFilter: {
      title: '地理位置过滤器', plural: '地理位置过滤器',
      field: {
        name: NAME,
        description: DESCRIPTION,
        ...Object.fromEntries(Object.entries(GEOLOCATION_PARTS).map(([k, label]) => [useOf(k), { label: `使用${label}` }])),
      },
    },
    callingSearchSpace: {
      title: '呼叫搜索空间', plural: '呼叫搜索空间',
      field: { name: NAME, description: DESCRIPTION, partitions: { label: '已选分区（以逗号分隔，按顺序）' } },
    },
    commonDeviceConfig: {
      title: '通用设备配置', plural: '通用设备配置',
      field: { name: NAME, userLocale: LOCALE, userHoldMohAudioSource: MOH, ipAddressingMode: { label: 'IP 寻址模式' } },
    },
    phoneService: {
      title: 'IP 电话服务', plural: 'IP 电话服务',
      field: {
        name: { label: '服务名称', help: '对于 Java MIDlet 服务，服务名称必须与其 JAD 文件中的名称相同。', what: NAME_WHAT },
        description: DESCRIPTION,
        url: {
          label: '服务 URL',
          help: 'http://<IP>:8080/emapp/EMAppServlet?device=#DEVICENAME#&EMCC=#EMCC#，可选附加 &loginType=DN|SP|UID。',
          what: 'http:// 或 https:// URL',
        },
        secureUrl: { label: '安全服务 URL', what: 'https:// URL' },
        enabled: { label: '启用' },
        enterpriseSubscription: { label: '企业预订', help: '所有电话和设备配置文件都预订此服务。' },
      },
    },
    deviceProfile: {
      title: '设备配置文件', plural: '设备配置文件',
      field: {
        model: { label: '产品类型' },
        protocol: { label: '设备协议' },
        name: { label: '设备配置文件名称', what: NAME_WHAT },
        description: DESCRIPTION,
        userHoldMohAudioSource: MOH,
        userLocale: LOCALE,
        phoneButtonTemplate: { label: '电话按键模板' },
        softkeyTemplate: { label: '软键模板' },
        privacy: { label: '隐私' },
        singleButtonBarge: { label: '单键插入' },
        joinAcrossLines: { label: '多线路加入' },
        alwaysUsePrimeLine: { label: '始终使用主线路' },
        alwaysUsePrimeLineForVoiceMessage: { label: '始终将主线路用于语音留言' },
        ignorePresentationIndicators: { label: '忽略显示指示灯（仅限内部呼叫）' },
        ...DND,
        emccCss: { label: '跨群集分机移动 CSS', help: '用户在访问电话上登录期间，它成为该电话的设备 CSS。' },
        module1: { label: '模块 1' },
        module2: { label: '模块 2' },
        mlppDomain: { label: 'MLPP 域', what: '十六进制的域（最多 6 位）' },
        mlppIndication: { label: 'MLPP 指示' },
        mlppPreemption: { label: 'MLPP 优先占用' },
        loginUserId: { label: '登录用户 ID', help: '用于注销配置文件：用户注销后，电话以此用户登录。' },
        intercomDn: { label: '内部通信目录号码', help: '内部通信需要静态设备：EMCC 登录不提供内部通信（指南第 6 节）。', what: DN_WHAT },
        lines: LINES,
        services: SERVICES,
      },
    },
    endUser: {
      title: '最终用户', plural: '最终用户',
      field: {
        userId: { label: '用户 ID', what: USER_ID_WHAT },
        firstName: { label: '名字' },
        lastName: { label: '姓氏' },
        selfServiceId: { label: '自助服务用户 ID', what: '字母、数字、. _ -' },
        pin: { label: '个人识别码', what: '至少 4 位数字' },
        mustChangePin: { label: '用户下次登录时必须更改' },
        primaryExtension: { label: '主分机', what: DN_WHAT },
        emccEnabled: { label: '启用跨群集分机移动' },
        profiles: { label: '受控配置文件' },
        defaultProfile: { label: '默认配置文件', help: '受控配置文件之一：未指定配置文件的 EM API 登录使用它，电话也首先提供它。' },
      },
    },
    applicationUser: {
      title: '应用程序用户', plural: '应用程序用户',
      field: {
        userId: { label: '用户 ID', what: USER_ID_WHAT },
        description: DESCRIPTION,
        password: { label: '密码', help: 'EM API 应用程序随此 appID 发送的 appCertificate。' },
        emProxyRights: { label: '标准 EM 验证代理权限', help: 'EM API 应用程序为用户登录和注销所需的角色（没有此角色时为错误 10，ID 或密码错误时为错误 3）。' },
      },
    },
    phone: {
      title: '电话', plural: '电话',
      field: {
        model: { label: '电话类型' },
        protocol: { label: '设备协议' },
        name: { label: '设备名称', what: 'SEP 后跟 MAC 地址的 12 位十六进制数字' },
        description: DESCRIPTION,
        devicePool: { label: '设备池' },
        commonDeviceConfig: { label: '通用设备配置' },
        css: { label: '呼叫搜索空间' },
        securityProfile: SECURITY_PROFILE,
        ...DND,
        emEnabled: { label: '启用分机移动' },
        logoutProfile: { label: '注销配置文件' },
        lines: LINES,
        services: SERVICES,
      },
    },
    sipTrunk: {
      title: '干线', plural: '干线',
      field: {
        trunkServiceType: { label: '干线服务类型', help: 'EMCC：一条干线同时用于 PSTN 访问和 RSVP 座席，或每项各一条；最多两条。' },
        name: { label: '设备名称', what: NAME_WHAT },
        description: DESCRIPTION,
        devicePool: { label: '设备池' },
        css: { label: '呼叫搜索空间' },
        destinationAddress: { label: '目标地址', help: 'EMCC 干线不使用此地址：它们连接“远程群集”页面上的远程群集。' },
      },
    },
    emccTemplate: {
      title: 'EMCC 模板', plural: 'EMCC 模板',
      field: {
        name: { label: '模板名称', what: NAME_WHAT },
        description: DESCRIPTION,
        devicePool: { label: '设备池' },
        commonDeviceConfig: { label: '通用设备配置' },
        securityProfile: SECURITY_PROFILE,
        sipProfile: { label: 'SIP 配置文件' },
        css: { label: '呼叫搜索空间' },
      },
    },
    remoteCluster: {
      title: '远程群集', plural: '远程群集',
      field: {
        clusterId: { label: '群集 Id', help: '必须与另一个群集的“群集 ID”企业参数相同。', what: CLUSTER_ID_WHAT },
        description: DESCRIPTION,
        fqdn: { label: '完全限定名', help: '远程群集的 IP 地址，或可以解析至远程群集上任何节点的名称。', what: HOST_WHAT },
        emccEnabled: { label: 'EMCC：已启用' },
        pstnEnabled: { label: 'PSTN 访问：已启用' },
        rsvpEnabled: { label: 'RSVP 座席：已启用' },
        tftpEnabled: { label: 'TFTP：已启用', help: '对于 EMCC 始终禁用。' },
        remoteEmccActivated: { label: 'EMCC：已远程激活' },
        remotePstnActivated: { label: 'PSTN 访问：已远程激活' },
        remoteRsvpActivated: { label: 'RSVP 座席：已远程激活' },
        remoteVersion: { label: '远程版本' },
      },
    },
  },
  page: {
    enterprise: {
      title: '企业参数配置',
      field: {
        clusterId: { label: '群集 ID', help: '远程群集通过它识别此群集。', what: CLUSTER_ID_WHAT },
        version: { label: 'Unified CM 版本（实验室设置）' },
        securityMode: { label: '群集安全模式（实验室设置）' },
      },
    },
    serviceParameters: {
      title: '服务参数配置：Cisco Extension Mobility',
      field: {
        enforceIntraClusterMaxLoginTime: { label: '强制执行群集内最长登录时间' },
        intraClusterMaxLoginTime: { label: '群集内最长登录时间 (HHH:MM)' },
        interClusterMaxLoginTime: { label: '群集间最长登录时间 (HHH:MM)' },
        maxConcurrentRequests: { label: '最大并发请求数' },
        multipleLoginBehavior: { label: '多次登录行为' },
        alphanumericUserId: { label: '字母数字用户 ID' },
        rememberLastUser: { label: '记住上次登录的用户' },
        clearCallLogsIntraCluster: { label: '群集内 EM 时清除通话记录' },
        validateIpAddress: { label: '验证 IP 地址' },
        trustedListOfIps: { label: '可信 IP 列表' },
        allowProxy: { label: '允许代理' },
        emccAllowProxy: { label: 'EMCC 允许代理' },
        cacheSize: { label: '分机移动缓存大小' },
      },
    },
    featureParameters: {
      title: 'EMCC 功能配置',
      field: {
        defaultTftpServer: { label: '用于 EMCC 登录设备的默认 TFTP 服务器' },
        backupTftpServer: { label: '用于 EMCC 登录设备的备份 TFTP 服务器' },
        expiredDeviceMaintenanceInterval: { label: '默认的过期 EMCC 设备维护间隔（分钟）' },
        enableAllRemoteServices: { label: '新增远程群集时启用所有远程群集服务' },
        pstnTrunkCss: { label: '用于 PSTN 访问 SIP 干线的 CSS' },
        geolocationFilter: { label: 'EMCC 地理位置过滤器' },
        regionMaxAudioBitRate: { label: 'EMCC 区域最大音频比特率' },
        regionMaxVideoBitRate: { label: 'EMCC 区域最大视频呼叫比特率（包含音频）(kbps)' },
        regionLinkLossType: { label: 'EMCC 区域链路丢失类型' },
        rsvpKeepAliveTimer: { label: 'RSVP SIP 干线保持连接计时器（秒）' },
        defaultRemoteUpdateServer: { label: '用于远程群集更新的默认服务器' },
        backupRemoteUpdateServer: { label: '用于远程群集更新的备份服务器' },
        remoteClusterUpdateInterval: { label: '远程群集更新间隔（分钟）' },
      },
    },
    isp: {
      title: 'EMCC 群集间服务配置文件',
      field: {
        emccActive: { label: 'EMCC：活动' },
        pstnActive: { label: 'PSTN 访问：活动' },
        pstnTrunk: { label: 'PSTN 访问 SIP 干线' },
        rsvpActive: { label: 'RSVP 座席：活动' },
        rsvpTrunk: { label: 'RSVP 座席 SIP 干线' },
      },
    },
    sftpSettings: {
      title: '批量证书管理：SFTP 服务器',
      field: {
        host: { label: 'IP 地址或主机名', help: '所有群集都导出到同一个 SFTP 服务器和目录。实验室自带的服务器是 sftp.lab。', what: HOST_WHAT },
        port: { label: '端口' },
        user: { label: '用户 ID' },
        password: { label: '密码', help: '留空则保留已保存的密码。' },
        directory: { label: '目录', what: '绝对路径，例如 /bulk-certificates' },
        bundlePassword: { label: 'PKCS#12 文件密码', help: '所有群集上都相同；留空则保留已保存的密码。' },
      },
    },
  },
};

export default { namespace: 'adminTables', 'en-US': enUS, 'zh-CN': zhCN } satisfies UiResource;
