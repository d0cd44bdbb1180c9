/**
 * An `expect` step: what a phone shows and where it is registered, who is logged in on it, how
 * its EMCC login was recorded (secure or non-secure EMCC, tables 6-8), and what the last EM API
 * answer was. It only looks; the first check that does not hold is the step's message.
 */
import type { PhoneScreen } from '../../shared/api/contract';
import type { ScenarioStep } from '../../shared/scenario';
import type { Lab } from '../lab/lab';
import type { EmApiAnswer } from './em-api-client';
import { failed, said, short, type StepOutcome } from './phone-driver';
import { screenCode, visibleText } from './screen-text';

type Expect = Extract<ScenarioStep, { do: 'expect' }>;
type Miss = (key: string, params: Record<string, string | number>) => StepOutcome;

const miss: Miss = (key, params) => ({ ok: false, message: said(key, params) });

/** Check the lab; `lastApi` is the last EM API answer (null: the request got none; undefined: none sent). */
export function expectStep(step: Expect, lab: Lab, lastApi: EmApiAnswer | null | undefined): StepOutcome {
  if (step.device !== undefined) {
    const phone = lab.phone(step.device);
    if (!phone) return failed('fail.noPhone', { device: step.device });
    const missed = phoneMisses(step, step.device, phone.screen(), lab);
    if (missed) return missed;
  }
  return apiMisses(step, lastApi) ?? { ok: true, message: said('result.held') };
}

function phoneMisses(step: Expect, device: string, s: PhoneScreen, lab: Lab): StepOutcome | undefined {
  const shown = visibleText(s);
  if (step.shows !== undefined && !shown.includes(step.shows)) return miss('expect.shows', { device, actual: short(shown), expected: step.shows });
  if (step.code !== undefined) {
    const code = screenCode(s);
    if (step.code === null && code !== null) return miss('expect.noCode', { device, actual: code });
    if (step.code !== null && code === null) return miss('expect.codeMissing', { device, expected: step.code });
    if (step.code !== null && code !== step.code) return miss('expect.code', { device, actual: code!, expected: step.code });
  }
  if (step.registeredTo !== undefined) {
    const missed = registrationMiss(step.registeredTo, device, s, lab);
    if (missed) return missed;
  }
  if (step.loggedIn !== undefined) {
    const user = s.loggedInUser;
    if (step.loggedIn === null && user !== null) return miss('expect.nobody', { device, actual: user });
    if (step.loggedIn !== null && user === null) return miss('expect.loggedInNobody', { device, expected: step.loggedIn });
    if (step.loggedIn !== null && user !== step.loggedIn) return miss('expect.loggedIn', { device, actual: user!, expected: step.loggedIn });
  }
  if (step.emccSecurity !== undefined) return emccSecurityMiss(step.emccSecurity, device, s, lab);
  return undefined;
}

/** `expected`: a Cluster ID or lab name, or null for a phone that is not registered. */
function registrationMiss(expected: string | null, device: string, s: PhoneScreen, lab: Lab): StepOutcome | undefined {
  const reg = s.status === 'registered' ? s.registration : null;
  if (expected === null) return reg ? miss('expect.registered', { device, actual: reg.clusterId }) : undefined;
  if (!reg) return miss('expect.notRegistered', { device, status: s.status, expected });
  const owner = lab.clusters.find((c) => c.nodes().some((n) => n.host.toLowerCase() === reg.host.toLowerCase()));
  const names = [reg.clusterId.toLowerCase(), owner?.name.toLowerCase()];
  return names.includes(expected.toLowerCase()) ? undefined : miss('expect.registeredTo', { device, actual: reg.clusterId, expected });
}

/**
 * The EMCC state as the phone's own (visiting) cluster recorded it with the login, from what the
 * home cluster decided (main/cluster/em/emcc-security.ts): the state the guide's tables 6-8 give.
 */
function emccSecurityMiss(expected: 'secure' | 'non-secure', device: string, s: PhoneScreen, lab: Lab): StepOutcome | undefined {
  const name = s.deviceName;
  const login = lab.clusters.map((c) => c.store.login(name)).find((l) => l?.kind === 'emcc');
  if (!login) return miss('expect.noEmccLogin', { device });
  const recorded = login.emcc_security;
  if (recorded !== 'secure' && recorded !== 'non-secure') return miss('expect.emccUnrecorded', { device, actual: String(recorded ?? '') });
  if (recorded === expected) return undefined;
  return miss(expected === 'secure' ? 'expect.emccSecure' : 'expect.emccNonSecure', { device });
}

function apiMisses(step: Expect, api: EmApiAnswer | null | undefined): StepOutcome | undefined {
  if (step.apiCode === undefined && step.apiAnswer === undefined) return undefined;
  if (!api) return miss('expect.noApi', {});
  const code = step.apiCode;
  if (code === null && api.code !== null) return miss('expect.apiSuccess', { actual: api.code });
  if (typeof code === 'number' && api.code === null) return miss('expect.apiCodeSuccess', { expected: code });
  if (typeof code === 'number' && api.code !== code) return miss('expect.apiCode', { actual: api.code!, expected: code });
  if (step.apiAnswer !== undefined && !api.body.includes(step.apiAnswer)) return miss('expect.apiAnswer', { expected: step.apiAnswer, actual: short(api.body) });
  return undefined;
}
