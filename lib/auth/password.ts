import { hash, verify, type Algorithm, type Options } from "@node-rs/argon2";
import { randomToken } from "@/lib/security/tokens";

/**
 * Argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): about 30 ms per hash here.
 * The parameters live in each hash string, so raising them later only affects new hashes.
 */
const OPTIONS: Options = {
  algorithm: 2 as Algorithm, // Argon2id; the enum is a const enum isolatedModules cannot read
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** Spends the time of a real verification, so "no such email" answers as slowly as "wrong password". */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword(randomToken());
  await verifyPassword(await decoy, password);
  return false;
}
