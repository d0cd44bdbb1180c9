/**
 * Each step of a scenario in words (a `Said`: an i18n key of shared/i18n/scenario-text.ts and its
 * values), as the lab window lists the steps and the command line prints them.
 */
import type { Said } from '../../shared/api/file-contract';
import { faultDef } from '../../shared/faults';
import { expectKey, LAB_CHECKS, type ExpectCheck } from '../../shared/i18n/scenario-text';
import type { ScenarioStep } from '../../shared/scenario';
import { emApiRequestKind } from './em-api-client';
import { said, short } from './phone-driver';

/** A span of lab time in words ("30 min", "1 h 30 min", "250 ms"). */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const parts: string[] = [];
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's'], [1, 'ms']];
  let left = ms;
  for (const [size, unit] of units) {
    const n = Math.floor(left / size);
    if (n) parts.push(`${n} ${unit}`);
    left -= n * size;
  }
  return parts.join(' ');
}

const fields = (set: Record<string, unknown>) =>
  Object.entries(set).map(([k, v]) => `${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');

/** The checks an expect step makes, as scenario-text names them. */
export function expectChecks(step: Extract<ScenarioStep, { do: 'expect' }>): ExpectCheck[] {
  const checks: ExpectCheck[] = [];
  if (step.shows !== undefined) checks.push('shows');
  if (step.code !== undefined) checks.push(step.code === null ? 'noCode' : 'code');
  if (step.registeredTo !== undefined) checks.push(step.registeredTo === null ? 'unregistered' : 'registeredTo');
  if (step.loggedIn !== undefined) checks.push(step.loggedIn === null ? 'nobody' : 'loggedIn');
  if (step.emccSecurity !== undefined) checks.push(step.emccSecurity === 'secure' ? 'emccSecure' : 'emccNonSecure');
  if (step.apiCode !== undefined) checks.push(step.apiCode === null ? 'apiSuccess' : 'apiCode');
  if (step.apiAnswer !== undefined) checks.push('apiAnswer');
  return checks;
}

export function stepText(step: ScenarioStep): Said {
  switch (step.do) {
    case 'login':
      return said(step.wait === false ? 'step.loginNoWait' : 'step.login', { user: step.user, device: step.device, pin: step.pin });
    case 'logout':
      return said('step.logout', { device: step.device });
    case 'press': {
      const keys = step.keys.join(' ');
      const noWait = step.wait === false ? 'NoWait' : '';
      if (step.type !== undefined && keys) return said(`step.typePress${noWait}`, { text: step.type, keys, device: step.device });
      if (step.type !== undefined) return said('step.type', { text: step.type, device: step.device });
      return said(`step.press${noWait}`, { keys, device: step.device });
    }
    case 'save':
      return step.key === null
        ? said('step.saveNew', { cluster: step.cluster, kind: step.kind, fields: fields(step.set) })
        : said('step.save', { cluster: step.cluster, kind: step.kind, key: step.key, fields: fields(step.set) });
    case 'delete':
      return said('step.delete', { cluster: step.cluster, kind: step.kind, key: step.key });
    case 'form':
      return said('step.form', { cluster: step.cluster, page: step.page, fields: fields(step.set) });
    case 'services':
      return said('step.services', { cluster: step.cluster, host: step.host, fields: fields(step.set) });
    case 'fault': {
      const def = faultDef(step.fault);
      if (!step.on) return said('step.faultOff', { fault: def.label, target: step.target });
      const value = step.value ?? def.value?.default;
      return value !== undefined && def.value
        ? said('step.faultOnValue', { fault: def.label, target: step.target, value: `${value} ${def.value.unit}` })
        : said('step.faultOn', { fault: def.label, target: step.target });
    }
    case 'clock':
      return said('step.clock', { duration: typeof step.advance === 'string' ? step.advance : formatDuration(step.advance) });
    case 'updateRemoteClusters':
      return said('step.updateRemoteClusters', { cluster: step.cluster });
    case 'untrust':
      return said('step.untrust', { cluster: step.cluster, store: step.store, host: step.host, purpose: step.purpose });
    case 'regenerate':
      return said('step.regenerate', { cluster: step.cluster, host: step.host, purpose: step.purpose });
    case 'emApi':
      return said('step.emApi', { host: step.host, request: emApiRequestKind(step.xml) });
    case 'adminLogOut':
      return said('step.adminLogOut', { cluster: step.cluster, device: step.device });
    case 'expect': {
      const checks = expectChecks(step);
      const params: Record<string, string | number> = {};
      if (step.device !== undefined) params.device = step.device;
      // A phone check without a device is refused when the file is read; said anyway, it names none.
      else if (checks.some((c) => !LAB_CHECKS.includes(c))) params.device = '—';
      if (step.shows !== undefined) params.shows = step.shows;
      if (typeof step.code === 'number') params.code = step.code;
      if (typeof step.registeredTo === 'string') params.registeredTo = step.registeredTo;
      if (typeof step.loggedIn === 'string') params.loggedIn = step.loggedIn;
      if (typeof step.apiCode === 'number') params.apiCode = step.apiCode;
      if (step.apiAnswer !== undefined) params.apiAnswer = short(step.apiAnswer, 80);
      return said(expectKey(step.device !== undefined, checks), params);
    }
  }
}
