import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's recommended minimums (19 MiB, 2 iterations); parameters are stored in
// the encoded hash, so they can be raised later without invalidating existing passwords.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** A real hash of nothing: verifying against it costs what a real check costs (no user enumeration by timing). */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("decoy password that no account uses");
  return decoy;
}
