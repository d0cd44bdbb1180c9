import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Troubleshooting } from '../../../shared/api/file-contract';
import type { PhoneScreen } from '../../../shared/api/contract';

/** The API as the store sees it (test/helpers/fake-api). */
const api = await vi.hoisted(async () => (await import('../../helpers/fake-api')).fakeApi());
vi.mock('../../../renderer/src/api/binding', () => ({ api: api.binding }));

const { useTroubleshooter } = await import('../../../renderer/src/store/troubleshooter-store');
const { useLabWindow } = await import('../../../renderer/src/store/lab-window-store');
const { fixView, linkedAdminView } = await import('../../../renderer/src/lab/admin-link');
const { shownCode } = await import('../../../renderer/src/phone/PhoneTroubleshoot');

const answer = (code: number, causes = 0): Troubleshooting => ({
  code, known: true, summary: { 'en-US': `s${code}`, 'zh-CN': `s${code}` }, cause: { 'en-US': '', 'zh-CN': '' }, shows: { 'en-US': '', 'zh-CN': '' },
  findings: Array.from({ length: causes }, () => ({ status: 'cause' as const, key: 'fault.on', params: {}, fix: null })), scenarios: [],
});

/** Resolves once the store's state satisfies `done`. */
function until(done: (s: ReturnType<typeof useTroubleshooter.getState>) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (done(useTroubleshooter.getState())) return resolve();
    const off = useTroubleshooter.subscribe((s) => {
      if (done(s)) {
        off();
        resolve();
      }
    });
  });
}

describe('the troubleshooter store', () => {
  beforeEach(() => {
    api.calls.length = 0;
    api.answers['lab.troubleshoot'] = (p) => answer((p as { code: number }).code);
    useTroubleshooter.setState({ input: '', invalid: false, result: null, loading: false, error: null, scenarioError: null, dialog: false });
  });

  it('checks the code typed; a field that is not a code from 0 to 999 is refused before the lab is asked', async () => {
    for (const bad of ['', 'abc', '1000', '-1', '2.5']) {
      useTroubleshooter.getState().setInput(bad);
      await useTroubleshooter.getState().check();
      expect(useTroubleshooter.getState().invalid, bad).toBe(true);
    }
    expect(api.calls).toEqual([]);
    useTroubleshooter.getState().setInput(' 208 ');
    await useTroubleshooter.getState().check();
    expect(api.calls).toEqual([{ name: 'lab.troubleshoot', payload: { code: 208 } }]);
    expect(useTroubleshooter.getState()).toMatchObject({ invalid: false, loading: false, input: '208', result: { code: 208 } });
  });

  it('drops the answer for a code that is no longer the one asked', async () => {
    let release!: () => void;
    api.answers['lab.troubleshoot'] = (p) => {
      const { code } = p as { code: number };
      return code === 1 ? new Promise((r) => (release = () => r(answer(1)))) : answer(code);
    };
    const slow = useTroubleshooter.getState().checkCode(1);
    await useTroubleshooter.getState().checkCode(2);
    release();
    await slow;
    expect(useTroubleshooter.getState().result?.code).toBe(2);
  });

  it('a phone\'s control opens the Troubleshooter tab on its code, or the dialog in a phone window of its own', async () => {
    useLabWindow.setState({ tab: 'faults' });
    useTroubleshooter.getState().openFromPhone(31, false);
    expect(useLabWindow.getState().tab).toBe('troubleshooter');
    await until((s) => s.result?.code === 31);
    useTroubleshooter.getState().openFromPhone(208, true);
    expect(useTroubleshooter.getState().dialog).toBe(true);
    await until((s) => s.result?.code === 208);
  });

  it('asks again for the code shown when the lab changes, so a fix made elsewhere shows at once', async () => {
    await useTroubleshooter.getState().checkCode(208);
    api.answers['lab.troubleshoot'] = (p) => answer((p as { code: number }).code, 1);
    api.emit('admin.changed', { cluster: 'home', what: 'config' });
    await until((s) => s.result?.findings.length === 1);
    expect(api.calls.at(-1)).toEqual({ name: 'lab.troubleshoot', payload: { code: 208 } });
  });

  it('opens a scenario of the answer: the Scenarios tab plays it; a refusal is shown with the field at fault', async () => {
    api.answers['scenario.open'] = () => ({ ok: false, errors: [{ field: 'id', message: 'no scenario x' }] });
    await useTroubleshooter.getState().openScenario('x');
    expect(useTroubleshooter.getState().scenarioError).toBe('id: no scenario x');
    api.answers['scenario.open'] = () => ({ ok: true, scenario: {} });
    useLabWindow.setState({ tab: 'troubleshooter' });
    await useTroubleshooter.getState().openScenario('wan-down');
    expect(api.calls.at(-1)).toEqual({ name: 'scenario.open', payload: { id: 'wan-down' } });
    expect(useTroubleshooter.getState()).toMatchObject({ scenarioError: null, scenarioPending: null });
    expect(useLabWindow.getState().tab).toBe('scenarios');
  });
});

describe('links to admin pages and the phone\'s error code', () => {
  it('a fix names a record, a list, a form or a special page; anything else is no page', () => {
    expect(fixView({ kind: 'endUser', key: 'carol' })).toEqual({ type: 'record', kind: 'endUser', key: 'carol' });
    expect(fixView({ kind: 'remoteCluster' })).toEqual({ type: 'list', kind: 'remoteCluster' });
    expect(fixView({ page: 'isp' })).toEqual({ type: 'form', page: 'isp' });
    expect(fixView({ page: 'bulkCertificates' })).toEqual({ type: 'special', page: 'bulkCertificates' });
    expect(fixView({ kind: 'nothing', page: 'nowhere' })).toBeNull();
    expect(linkedAdminView(new URLSearchParams('view=admin&cluster=home&kind=phone&key=SEP001122334455'))).toEqual({ type: 'record', kind: 'phone', key: 'SEP001122334455' });
    expect(linkedAdminView(new URLSearchParams('view=admin&cluster=home'))).toBeNull();
  });

  it('the code of an error screen is the number in brackets at its end; other screens have none', () => {
    const screen = (view: PhoneScreen['view']) => ({ view }) as PhoneScreen;
    expect(shownCode(screen({ kind: 'text', title: 'Extension Mobility', text: 'Login is unavailable (208)' }))).toBe(208);
    expect(shownCode(screen({ kind: 'text', title: '分机移动', text: '无法登录 (0)' }))).toBe(0);
    expect(shownCode(screen({ kind: 'text', title: 'Extension Mobility', text: 'Login successful' }))).toBeNull();
    expect(shownCode(screen({ kind: 'idle' } as PhoneScreen['view']))).toBeNull();
  });
});
