import type { UiResource } from '../i18n';

/** Help > About EMCC Lab and Help > EMCC Lab Guide. */
const resource: UiResource = {
  namespace: 'help',
  'en-US': {
    about: {
      title: 'About EMCC Lab',
      name: 'EMCC Lab',
      version: 'Version {{version}}',
      description: "A desktop emulator of Cisco Unified Communications Manager's Extension Mobility Cross Cluster (EMCC): simulated clusters and emulated IP phones that talk real HTTP to each other.",
      mode: { desktop: 'Running as the desktop app.', browser: 'Running in browser mode: this page talks to the lab over a local connection.' },
      license: 'MIT License.',
      trademark: 'Cisco and Unified Communications Manager are trademarks of Cisco Systems, Inc. EMCC Lab is not affiliated with Cisco.',
    },
    guide: {
      title: 'EMCC Lab Guide',
      steps: {
        login: 'To log in on a phone: press Applications (8800 series) or Services (7900), pick Extension Mobility, type the user ID, move down, enter the PIN on the keypad and press Submit.',
        users: 'The demo lab: alice (PIN 12345, EMCC enabled) and carol (24680) belong to home, bob (54321) to visiting. Log alice in on a visiting phone for an EMCC login.',
        admin: "Each cluster's Administration button opens its administration; its menus follow the guide's paths (Advanced Features > EMCC, Device, User Management, ...).",
        side: 'The side panels hold the faults to switch on, the schedulers, every login attempt with its sequence diagram, the scenario library and the troubleshooter.',
        phones: 'The phone list opens and closes each phone; the phone grid (View > Phone Grid) shows every phone at once, and a click opens one.',
      },
      shortcuts: 'Keyboard shortcuts',
      browserKeys: 'In a browser, some keys (Ctrl+N, Ctrl+W, Ctrl+Q) belong to the browser: use the menus for those commands.',
    },
  },
  'zh-CN': {
    about: {
      title: '关于 EMCC 实验室',
      name: 'EMCC 实验室',
      version: '版本 {{version}}',
      description: 'Cisco Unified Communications Manager 跨群集分机移动（EMCC）的桌面模拟器：模拟的群集与仿真 IP 电话之间通过真实的 HTTP 通信。',
      mode: { desktop: '正在以桌面应用运行。', browser: '正在以浏览器模式运行：此页面通过本地连接与实验室通信。' },
      license: 'MIT 许可证。',
      trademark: 'Cisco 和 Unified Communications Manager 是 Cisco Systems, Inc. 的商标。EMCC 实验室与 Cisco 无关。',
    },
    guide: {
      title: 'EMCC 实验室指南',
      steps: {
        login: '在电话上登录：按“应用程序”（8800 系列）或“服务”（7900 系列），选择“分机移动”，输入用户 ID，向下移动，在键盘上输入 PIN，然后按“提交”。',
        users: '演示实验室：alice（PIN 12345，已启用 EMCC）和 carol（24680）属于 home，bob（54321）属于 visiting。在 visiting 的电话上登录 alice 即为 EMCC 登录。',
        admin: '每个群集的“管理”按钮打开其管理窗口；菜单沿用指南中的路径（高级功能 > EMCC、设备、用户管理……）。',
        side: '侧边面板包含可开启的故障、调度程序、每次登录尝试及其时序图、场景库和故障排除。',
        phones: '电话列表可打开和关闭每部电话；电话网格（视图 > 电话网格）同时显示所有电话，单击即可打开。',
      },
      shortcuts: '键盘快捷键',
      browserKeys: '在浏览器中，部分按键（Ctrl+N、Ctrl+W、Ctrl+Q）由浏览器占用：请通过菜单使用这些命令。',
    },
  },
};
export default resource;
