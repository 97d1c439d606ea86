// Shared by the vault tests: fast key derivation and the code a refused call ends with.
import { expect } from 'vitest';
import { VaultError } from '../../../shared/vault/index.ts';

/** Low iterations, allowed only through the explicit test option. */
export const FAST = { unsafeIterationsForTests: 1_000 };

/** The VaultError code a promise is refused with (fails the test for anything else). */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  const e: unknown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(VaultError);
  return (e as VaultError).code;
}
