/**
 * PINs and passwords: scrypt (node:crypto) with a random 16-byte salt, stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>` so that the cost can be raised later and old hashes still
 * verify. Compared in constant time. Device secrets and one-time codes are random with ≥ 128 bits (or are
 * short-lived and attempt-limited), so a fast SHA-256 is enough for them.
 */
import crypto from 'node:crypto';

export interface ScryptCost {
  log2N: number;
  r: number;
  p: number;
}
/** About 60–120 ms and 32 MiB per hash on a kiosk PC: slow for a guesser, fine for a person signing in. */
export const DEFAULT_COST: ScryptCost = { log2N: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  return new Promise((resolve, reject) =>
    crypto.scrypt(
      secret.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

export async function hashSecret(secret: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(secret, salt, cost);
  return ['scrypt', cost.log2N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const STORED = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/=]{8,64})\$([A-Za-z0-9+/=]{8,128})$/;

/** False for a wrong secret and for a stored value that is not one of ours (never throws). */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const m = STORED.exec(stored);
  if (!m) return false;
  const cost = { log2N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (cost.log2N < 10 || cost.log2N > 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 4) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  const key = await scrypt(secret, Buffer.from(m[4]!, 'base64'), cost);
  return expected.length === key.length && crypto.timingSafeEqual(expected, key);
}

/** A hash to verify against when the account does not exist, so a wrong name costs as long as a wrong PIN. */
export async function decoyHash(cost: ScryptCost): Promise<string> {
  return hashSecret(crypto.randomBytes(16).toString('hex'), cost);
}

export const sha256 = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest('base64url');

/** Random token for sessions and device secrets: 32 bytes, base64url. */
export const randomToken = () => crypto.randomBytes(32).toString('base64url');

/** A code a person types: groups of the given alphabet without look-alikes (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function randomCode(length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = crypto.randomBytes(1)[0]!;
    if (byte < CODE_ALPHABET.length * 8) out += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  }
  return out.replace(/(.{4})(?=.)/g, '$1-');
}
/** What the person typed, made comparable: full-width folded, upper case, no spaces or dashes. */
export const normalizeCode = (typed: string) => typed.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
export const codeKey = (code: string) => sha256(normalizeCode(code));

export type SecretProblem = 'too-short' | 'too-long' | 'too-simple';
/**
 * A PIN is 6–12 digits and not a run or a repeat (123456, 111111); a password is 8–128 characters.
 * Returns the problem, or undefined when the secret is acceptable.
 */
export function checkSecret(secret: string): SecretProblem | undefined {
  if (secret.length > 128) return 'too-long';
  if (/^\d+$/.test(secret)) {
    if (secret.length < 6) return 'too-short';
    if (secret.length > 12) return 'too-long';
    const digits = [...secret].map(Number);
    const step = digits[1]! - digits[0]!;
    if (Math.abs(step) <= 1 && digits.every((d, i) => i === 0 || d - digits[i - 1]! === step)) return 'too-simple';
    return undefined;
  }
  if (secret.length < 8) return 'too-short';
  return undefined;
}
