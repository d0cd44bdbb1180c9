import { FAULTS, type FaultId } from '../../../../shared/faults';
import type { UiResource } from '../i18n';

/**
 * The outside faults of shared/faults.ts by id: their label and effect. The English is the
 * table's own (one source); zh-CN translates it.
 */
type FaultTexts = Record<FaultId, { label: string; effect: string }>;

const enUS = Object.fromEntries(FAULTS.map((f) => [f.id, { label: f.label, effect: f.effect }])) as FaultTexts;

const zhCN: FaultTexts = {
  database: { label: '数据库异常', effect: 'EM 服务在执行登录、注销或查询时数据库引发异常。' },
  emCache: { label: 'EM 缓存不可读', effect: 'EM 服务在验证登录或注销（策略验证）时无法读取其缓存。' },
  deviceState: { label: '设备登录状态不可读', effect: '无法从缓存或数据库读取设备的当前登录状态（酒店服务状态）。' },
  directory: { label: '目录 (IMS) 故障', effect: 'IMS 在验证用户身份时引发异常：对于本地用户，EMApp 显示 204；对于 EMCC 用户，主 EM 服务应答 9。' },
  ris: { label: 'RIS 数据收集器关闭', effect: 'RISDC 缓存未初始化，EM 服务无法连接到 RISDC。' },
  unknown: { label: 'EM 服务内部故障', effect: 'EM 服务因无法说明的原因而失败。' },
  noResponse: { label: 'EM 服务从不应答其他群集', effect: 'EM 服务接受来自其他群集的请求，但从不应答；访问群集最终放弃（40，显示为 23）。' },
  emServiceDown: { label: 'EM 服务关闭', effect: '节点的 Cisco Extension Mobility 服务已停止：没有任何进程侦听该服务。' },
  emAppInit: { label: 'EMApp 初始化失败', effect: '节点的 EM 应用程序在启动时无法连接到数据库。' },
  nodeDown: { label: '节点关闭', effect: '节点已关闭：到它的每个连接都被拒绝（其 EMApp、EM 服务、TFTP 和 CallManager）。' },
  tftpDown: { label: 'TFTP 服务已停止', effect: '节点的 Cisco Tftp 服务已停止：电话无法从它获取配置文件。' },
  callManagerDown: { label: 'CallManager 服务已停止', effect: '节点的 Cisco CallManager 服务已停止：电话无法注册到它。' },
  wanDown: { label: 'WAN 中断', effect: '两个群集之间的链路上没有任何流量可以通过。' },
  wanLatency: { label: 'WAN 延迟', effect: '两个群集之间的每个请求都会多花这么长时间（实验室时间）；超过 30 秒的应答超时后，发送方放弃 (40)。' },
  wanLoss: { label: 'WAN 丢包', effect: '两个群集之间的请求按此比例丢失：发送方等待超时（实验室时间）后放弃。' },
  proxy: { label: 'WAN 上的 HTTP 代理', effect: '两个群集之间的请求经过一个添加 Via 头的代理（当“EMCC 允许代理”为 False 时以 30 拒绝）。' },
};

export default { namespace: 'faults', 'en-US': enUS, 'zh-CN': zhCN } satisfies UiResource;
