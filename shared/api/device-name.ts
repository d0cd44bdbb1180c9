/**
 * A phone's device name as every request that names one accepts it. Its own module so the
 * contract's parts (contract.ts, shell-contract.ts) share one rule without importing each other.
 */
import { z } from 'zod';

export const DeviceName = z.string().regex(/^[A-Za-z0-9_.-]{1,50}$/, 'a device name (letters, digits, . _ -)');
