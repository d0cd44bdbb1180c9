import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabClock } from '../../../main/clock/lab-clock';
import { DEMO_LAB, HOME_CLUSTER, VISITING_CLUSTER } from '../../../main/lab/demo-lab';
import { withRecord } from '../../helpers/definitions';
import { Lab } from '../../../main/lab/lab';
import { HOME_PHONE, openLab, registeredTo, submitLogin, TEST_KEYS, VISITING_PHONE, waitForScreen } from '../../helpers/lab-fixture';

describe('a lab restarted on the same data folder', () => {
  it('keeps who is logged in where: the visiting phone boots straight back onto the home cluster', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'emcc-persist-'));
    try {
      let lab = await Lab.open({ dataDir, clusters: DEMO_LAB, clock: new LabClock({ speed: 1000 }), keys: TEST_KEYS, exchangeCertificates: true });
      await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
      await submitLogin(lab, VISITING_PHONE, 'alice', '12345');
      await waitForScreen(lab, VISITING_PHONE, registeredTo('HOME'));
      await lab.close();

      lab = await Lab.open({ dataDir, clusters: DEMO_LAB, clock: new LabClock({ speed: 1000 }), keys: TEST_KEYS, exchangeCertificates: true });
      const s = await waitForScreen(lab, VISITING_PHONE, registeredTo('HOME'));
      expect(s.emcc).toBe(true);
      expect(s.lines.map((l) => l.dn)).toEqual(['1001']);
      expect(lab.cluster('HOME')!.store.emccDeviceBoundTo(VISITING_PHONE)?.user_id).toBe('alice');
      await lab.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the phone\'s language', () => {
  it('follows the device profile\'s User Locale after login, over the device pool\'s', async () => {
    const home = withRecord(HOME_CLUSTER, 'deviceProfile', 'alice-udp', { userLocale: 'zh-CN' });
    const lab = await openLab([home, VISITING_CLUSTER]);
    try {
      await waitForScreen(lab, VISITING_PHONE, registeredTo('VISIT'));
      expect(lab.phone(VISITING_PHONE)!.screen().softkeys[0]?.label).toBe('Redial');
      await submitLogin(lab, VISITING_PHONE, 'alice', '12345');
      const s = await waitForScreen(lab, VISITING_PHONE, registeredTo('HOME'));
      expect(s.locale).toBe('zh-CN');
      expect(s.softkeys.map((k) => k.label)).toEqual(['重拨', '新呼叫', '前转全部', '免打扰']);
    } finally {
      await lab.close();
    }
  });

  it('is en-US when neither the profile nor the device pool sets a locale', async () => {
    const lab = await openLab();
    try {
      const s = await waitForScreen(lab, HOME_PHONE, registeredTo('HOME'));
      expect(s.locale).toBe('en-US');
      expect(s.servicesKeyLabel).toBe('Applications');
    } finally {
      await lab.close();
    }
  });
});
