// The unlocked state of this window: the data key while unlocked, nothing while locked.
// Not in zustand or React state: a key is not UI state, and it must be droppable at once.
// Screens subscribe (useSyncExternalStore) to know whether to show the lock screen.
import { type LiaisonDb } from '../db/db.ts';
import { getVaultRecord } from '../db/identity.ts';
import { deleteMeta, getMeta, setMeta } from '../db/meta.ts';
import { makeSealer, type Sealer } from '../db/sealing.ts';
import { unlockVault } from '../../../shared/vault/index.ts';

/** Wrong passphrases allowed before each new try must wait. */
export const FREE_TRIES = 3;
/** The wait after the 4th wrong try; it doubles with each further one, up to MAX_WAIT_MS. */
const FIRST_WAIT_MS = 2_000;
const MAX_WAIT_MS = 60_000;

/** How long to wait after `count` wrong passphrases in a row. */
export function unlockDelayMs(count: number): number {
  if (count < FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (count - FREE_TRIES));
}

/** Thrown by unlock() while the delay after wrong passphrases runs. */
export class UnlockWaitError extends Error {
  override readonly name = 'UnlockWaitError';
  constructor(readonly waitMs: number) {
    super(`wait ${Math.ceil(waitMs / 1000)} s before the next try`);
  }
}

export class VaultSession {
  private dataKey: CryptoKey | null = null;
  private currentSealer: Sealer | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: LiaisonDb,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Seals and opens sensitive values; undefined while locked. */
  get sealer(): Sealer | undefined {
    return this.currentSealer;
  }

  get unlocked(): boolean {
    return this.dataKey !== null;
  }

  /** The data key itself, for a worker that seals an import (undefined while locked). */
  get key(): CryptoKey | undefined {
    return this.dataKey ?? undefined;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): boolean => this.unlocked;

  /** Milliseconds before the next try is allowed (0: now). Survives a reload: it is stored. */
  async waitBeforeNextTry(): Promise<number> {
    const failures = await getMeta(this.db, 'unlockFailures');
    if (!failures) return 0;
    return Math.max(0, failures.lastAt + unlockDelayMs(failures.count) - this.now());
  }

  /**
   * Opens the data key with the passphrase, running `afterUnlock` with it first. A wrong one throws VaultError 'wrong-passphrase'
   * and counts; after FREE_TRIES in a row each try waits longer (UnlockWaitError). Nothing is
   * ever erased for wrong tries: a lock-out of one's own data would be worse than the delay.
   */
  async unlock(
    passphrase: string,
    afterUnlock?: (dataKey: CryptoKey) => Promise<void>,
  ): Promise<void> {
    const wait = await this.waitBeforeNextTry();
    if (wait > 0) throw new UnlockWaitError(wait);
    try {
      const dataKey = await unlockVault(await getVaultRecord(this.db), passphrase);
      // Upkeep that needs the passphrase (the HQ recovery copy): it never blocks unlocking.
      await afterUnlock?.(dataKey).catch((e: unknown) => console.warn('after unlock', e));
      this.open(dataKey);
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'wrong-passphrase') {
        const count = ((await getMeta(this.db, 'unlockFailures'))?.count ?? 0) + 1;
        await setMeta(this.db, 'unlockFailures', { count, lastAt: this.now() });
      }
      throw e;
    }
    await deleteMeta(this.db, 'unlockFailures');
  }

  /** Holds a data key just made or opened (first run, passphrase change, recovery). */
  open(dataKey: CryptoKey): void {
    this.dataKey = dataKey;
    this.currentSealer = makeSealer(dataKey);
    this.emit();
  }

  /** Drops the key. Work in flight that already took the sealer finishes with it. */
  lock(): void {
    if (!this.dataKey) return;
    this.dataKey = null;
    this.currentSealer = undefined;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
