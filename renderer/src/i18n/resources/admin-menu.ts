import { MENU } from '../../../../shared/admin/pages';
import type { UiResource } from '../i18n';

/**
 * The administration menu, one flat key per English segment of the guide's menu paths (read from
 * shared/admin/pages.ts, so en-US is the tables' own text). zh-CN: the Chinese Unified CM menus.
 */
const enUS = Object.fromEntries(MENU.flatMap((m) => m.path).map((s) => [s, s]));

const zhCN: Record<string, string> = {
  System: '系统',
  Server: '服务器',
  'Enterprise Parameters': '企业参数',
  'Service Parameters': '服务参数',
  'Device Pool': '设备池',
  'Geolocation Configuration': '地理位置配置',
  'Geolocation Filter': '地理位置过滤器',
  'Call Routing': '呼叫路由',
  'Class of Control': '控制级',
  'Calling Search Space': '呼叫搜索空间',
  'Advanced Features': '高级功能',
  EMCC: 'EMCC',
  'EMCC Feature Configuration': 'EMCC 功能配置',
  'EMCC Intercluster Service Profile': 'EMCC 群集间服务配置文件',
  'EMCC Remote Cluster': 'EMCC 远程群集',
  Device: '设备',
  Phone: '电话',
  Trunk: '干线',
  'Device Settings': '设备设置',
  'Device Profile': '设备配置文件',
  'Phone Services': '电话服务',
  'Common Device Configuration': '通用设备配置',
  'User Management': '用户管理',
  'End User': '最终用户',
  'Application User': '应用程序用户',
  'Bulk Administration': '批量管理',
  'EMCC Template': 'EMCC 模板',
  'Insert/Update EMCC': '插入/更新 EMCC',
  'Job Scheduler': '任务调度',
  Serviceability: '功能配置',
  Tools: '工具',
  'Service Activation': '服务激活',
  'OS Administration': '操作系统管理',
  Security: '安全',
  'Bulk Certificate Management': '批量证书管理',
  'Certificate Management': '证书管理',
  Reports: '报告',
  'Phone Feature List': '电话功能列表',
  Trace: '跟踪',
};

export default { namespace: 'adminMenu', 'en-US': enUS, 'zh-CN': zhCN } satisfies UiResource;
