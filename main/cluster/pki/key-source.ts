/**
 * Where certificate key pairs come from. The lab makes a fresh key for every certificate
 * (RSA 2048 or ECDSA P-256, natively: node-forge's pure-JS RSA generation takes seconds);
 * tests pass a pool that reuses keys so a lab opens in milliseconds.
 */
import { generateKeyPairSync } from 'node:crypto';

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

export interface KeySource {
  rsa(): KeyPairPem;
  ec(): KeyPairPem;
}

function rsa(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

function ec(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** A new key for every certificate. */
export const FRESH_KEYS: KeySource = { rsa, ec };

/** A rotating pool of `size` keys per type, made on first use (for tests). */
export function keyPool(size = 12): KeySource {
  const pools = { rsa: [] as KeyPairPem[], ec: [] as KeyPairPem[] };
  const next = { rsa: 0, ec: 0 };
  const take = (kind: 'rsa' | 'ec', make: () => KeyPairPem) => {
    const i = next[kind]++ % size;
    pools[kind][i] ??= make();
    return pools[kind][i]!;
  };
  return { rsa: () => take('rsa', rsa), ec: () => take('ec', ec) };
}
