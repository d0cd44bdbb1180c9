/**
 * Small helpers for the cluster administration tests: a fresh or fully configured cluster on an
 * in-memory database, and assertions on what a Save answers (saved, or refused on a field).
 */
import { expect } from 'vitest';
import type { LabPeers } from '../../../../main/cluster/admin/cluster-admin';
import { FRESH_LAB, HOME_CLUSTER } from '../../../../main/lab/demo-lab';
import type { SaveResult } from '../../../../shared/api/admin-contract';
import { bareCluster } from '../../../helpers/definitions';

/** A cluster as just installed: publisher cucm-a-pub (no service activated), device pool Default. */
export function freshCluster(peers: Partial<LabPeers> = {}) {
  const c = bareCluster(peers);
  c.apply(FRESH_LAB[0]!);
  return c;
}

/** The demo home cluster: every step of the guide done, EMCC ready toward VISIT. */
export function homeCluster(peers: Partial<LabPeers> = {}) {
  const c = bareCluster(peers);
  c.apply(HOME_CLUSTER);
  return c;
}

/** The fields a refused Save names (empty when it was saved). */
export function errorFields(r: SaveResult | { ok: boolean; errors?: { field: string }[] }): string[] {
  return r.ok ? [] : (r.errors ?? []).map((e) => e.field);
}

/** The messages of a refused Save, joined (empty when saved). */
export function errorText(r: SaveResult | { ok: boolean; errors?: { message: string }[] }): string {
  return r.ok ? '' : (r.errors ?? []).map((e) => e.message).join(' | ');
}

/** Asserts the change was saved and returns its warnings. */
export function expectSaved(r: SaveResult): string[] {
  expect(r, errorText(r)).toMatchObject({ ok: true });
  return r.ok ? r.warnings : [];
}

/** Asserts the change was refused with an error on `field` (and a message matching `message`). */
export function expectRefused(r: SaveResult | { ok: boolean; errors?: { field: string; message: string }[] }, field: string, message?: RegExp): void {
  expect(r.ok).toBe(false);
  expect(errorFields(r)).toContain(field);
  if (message) expect(errorText(r)).toMatch(message);
}

/** A valid phone device name: SEP and 12 hexadecimal digits. */
export function sep(n: number): string {
  return `SEP${n.toString(16).toUpperCase().padStart(12, '0')}`;
}
