import { ENTITIES } from '../../../../shared/admin/entities';
import type { FieldDef } from '../../../../shared/admin/fields';
import { PAGES } from '../../../../shared/admin/pages';
import type { UiResource } from '../i18n';

/**
 * The choices of the administration selects and their "none" labels, one flat key per English
 * label (read from the tables: en-US is their own text). Product types, versions and locale
 * codes are not translated: those fields are left out.
 */
const UNTRANSLATED_FIELDS = new Set(['model', 'version', 'userLocale']);

const fields: FieldDef[] = [...Object.values(ENTITIES).flatMap((e) => e.fields), ...Object.values(PAGES).flatMap((p) => p.fields)];
const enUS: Record<string, string> = {};
for (const f of fields) {
  if (UNTRANSLATED_FIELDS.has(f.key)) continue;
  for (const c of f.choices ?? []) enUS[c.label] = c.label;
  if (f.noneLabel) enUS[f.noneLabel] = f.noneLabel;
}

const zhCN: Record<string, string> = {
  '< None >': '< 无 >',
  '< Use Current Device Settings >': '< 使用当前设备设置 >',
  Publisher: '发布方',
  Subscriber: '订阅方',
  // Names of records Unified CM ships keep their English name.
  '1-SampleAudioSource': '1-SampleAudioSource',
  'IPv4 Only': '仅 IPv4',
  'IPv6 Only': '仅 IPv6',
  'IPv4 and IPv6': 'IPv4 和 IPv6',
  SIP: 'SIP',
  SCCP: 'SCCP',
  'Standard User': 'Standard User',
  'Standard Feature': 'Standard Feature',
  Off: '关',
  On: '开',
  Default: '默认值',
  Barge: '插入',
  'Call Reject': '呼叫拒绝',
  'Ringer Off': '振铃器关闭',
  'Use Common Phone Profile Setting': '使用通用电话配置文件设置',
  None: '无',
  Disable: '禁用',
  'Beep Only': '仅蜂鸣',
  'Flash Only': '仅闪烁',
  'Cisco 8800 Key Expansion Module': 'Cisco 8800 按键扩展模块',
  'Cisco 7914 14-Button Line Expansion Module': 'Cisco 7914 14 键线路扩展模块',
  'Cisco 7915 24-Button Line Expansion Module': 'Cisco 7915 24 键线路扩展模块',
  Disabled: '禁用',
  Forceful: '强制',
  'Standard Non-Secure Profile': '标准非安全配置文件',
  'Standard Secure (Encrypted) Profile': '标准安全（加密）配置文件',
  'None(Default)': '无（默认）',
  'Extension Mobility Cross Clusters': '跨群集分机移动',
  'Call Control Discovery': '呼叫控制发现',
  'Intercompany Media Engine': '公司间媒体引擎',
  'Standard SIP Profile': 'Standard SIP Profile',
  'Standard SIP Profile For Cisco VCS': 'Standard SIP Profile For Cisco VCS',
  'non-secure': '非安全',
  mixed: '混合',
  'Multiple Logins Allowed': '允许多次登录',
  'Multiple Logins Not Allowed': '不允许多次登录',
  'Auto Logout': '自动注销',
  'Use Trunk CSS': '使用干线 CSS',
  "Use phone's original device CSS": '使用电话的原始设备 CSS',
  '8 kbps (G.729)': '8 kbps (G.729)',
  '16 kbps (iLBC, AAC-LD)': '16 kbps (iLBC, AAC-LD)',
  '32 kbps (iLBC, G.722.1)': '32 kbps (iLBC, G.722.1)',
  '64 kbps (G.722, G.711)': '64 kbps (G.722, G.711)',
  Lossy: '有损',
  'Low Loss': '低损耗',
};

export default { namespace: 'adminChoices', 'en-US': enUS, 'zh-CN': zhCN } satisfies UiResource;
