import { hash, verify } from "@node-rs/argon2";

// Argon2id with m=19456 KiB, t=2, p=1 (OWASP's minimum).
// `algorithm: 2` is Argon2id; the library's enum is a const enum that an
// isolated-modules build cannot import.
const ARGON2ID = {
  algorithm: 2,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
