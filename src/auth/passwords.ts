import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto: memory-hard, runs on libuv's thread pool (the
 * event loop keeps serving), and needs no dependency. bcrypt would need a native addon (build
 * tools and install scripts on every machine) or a pure-JS port that blocks the event loop.
 *
 * Stored as `scrypt$N$r$p$salt$hash` (base64), so the cost can be raised later and old hashes
 * still verify. N=2^15, r=8: about 32 MiB and 0.1–0.3 s per hash on a small server, which is
 * what makes guessing slow; Basic-auth callers are cached (authenticator.ts), not re-hashed.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Compared against when the username does not exist, so both cases take the same time. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** A password for the bootstrap admin when ADMIN_PASSWORD is unset: 24 characters, URL-safe. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
