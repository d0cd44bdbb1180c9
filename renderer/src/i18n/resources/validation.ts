import { VALIDATION_MESSAGES, type ValidationCode } from '../../../../shared/admin/validate';
import type { UiResource } from '../i18n';

/**
 * The messages of the field checks the administration pages run as the user types
 * (shared/admin/validate.ts), by code. en-US is that table's own English; {{label}}, {{what}},
 * {{choices}} and {{option}} come already translated (../admin-text.ts errorText).
 */
const zhCN: Record<ValidationCode, string> = {
  checked: '“{{label}}”必须为选中或未选中',
  wholeNumber: '“{{label}}”必须是整数',
  range: '“{{label}}”必须在 {{min}} 到 {{max}} 之间',
  duration: '“{{label}}”必须为 HHH:MM 格式，范围从 0:00 到 {{maxHours}}:00',
  names: '“{{label}}”必须是名称列表',
  tooManyNames: '“{{label}}”最多只能有 {{max}} 项',
  lines: '“{{label}}”必须是目录号码列表',
  lineNotDn: '线路 {{line}}：“{{dn}}”不是目录号码（数字、* # +）',
  lineLabelTooLong: '线路 {{line}}：标签最多只能包含 {{max}} 个字符',
  dnTwice: '目录号码 {{dn}} 出现在两条线路上',
  required: '“{{label}}”为必填项',
  text: '“{{label}}”必须是文本',
  tooLong: '“{{label}}”最多只能包含 {{maxLength}} 个字符',
  pattern: '“{{label}}”必须是{{what}}',
  choice: '“{{label}}”必须是以下值之一：{{choices}}',
  notRecord: '记录必须是由字段组成的对象',
  unknownField: '未知字段“{{field}}”',
  dndOnly: '{{model}} 仅支持 DND 选项“{{option}}”',
  dndOnlyOn: '使用 {{protocol}} 的 {{model}} 仅支持 DND 选项“{{option}}”',
  tooManyLines: '{{model}} 只有 {{lineKeys}} 个线路键；请删除 {{extra}} 条线路',
  mlppForceful: '当“MLPP 指示”为“关”（或“默认值”，即“关”）时，“MLPP 优先占用”不能为“强制”',
  noUserLocale: '{{model}} 不支持用户区域设置',
  noEm: '{{model}} 不支持分机移动',
  defaultProfile: '默认配置文件必须是受控配置文件之一',
  serverAddress: '服务器需要 IPv4 或 IPv6 地址',
};

export default { namespace: 'validation', 'en-US': { ...VALIDATION_MESSAGES }, 'zh-CN': zhCN } satisfies UiResource;
