// The lock: unlocking with the passphrase, refusing a wrong one without erasing anything,
// the growing wait after repeated wrong tries (kept across a reload), and locking.
import { afterEach, describe, expect, it } from 'vitest';
import { createVault, MIN_ITERATIONS } from '../../../shared/vault/index.ts';
import { setMeta } from '../../../renderer/src/db/meta.ts';
import {
  FREE_TRIES,
  UnlockWaitError,
  VaultSession,
  unlockDelayMs,
} from '../../../renderer/src/kernel/vault-session.ts';
import { type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { openTestDb } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function withVault(passphrase = 'correct horse') {
  const t = await openTestDb();
  opened.push(t.db);
  // The floor the vault allows, to keep the test fast; the app uses the default (600,000+).
  const { record } = await createVault({ passphrase, iterations: MIN_ITERATIONS });
  await setMeta(t.db, 'vault', record);
  let now = 1_000_000;
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
  return { ...t, clock, session: new VaultSession(t.db, clock.now) };
}

describe('VaultSession', () => {
  it('unlocks with the passphrase, hands out a sealer, and drops it on lock', async () => {
    const { session } = await withVault();
    const seen: boolean[] = [];
    session.subscribe(() => seen.push(session.unlocked));
    expect(session.sealer).toBeUndefined();
    await session.unlock('correct horse');
    expect(session.unlocked).toBe(true);
    const sealer = session.sealer!;
    const sealed = await sealer.seal('r1', 'data.travellerName', 'Ana');
    expect(await sealer.open('r1', 'data.travellerName', sealed)).toBe('Ana');
    session.lock();
    expect(session.unlocked).toBe(false);
    expect(session.sealer).toBeUndefined();
    expect(session.key).toBeUndefined();
    expect(seen).toEqual([true, false]);
  });

  it('refuses a wrong passphrase, counts it, and still opens with the right one', async () => {
    const { session, db } = await withVault();
    await expect(session.unlock('wrong')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(session.unlocked).toBe(false);
    expect((await db.meta.get('unlockFailures'))?.value).toMatchObject({ count: 1 });
    await session.unlock('correct horse');
    expect(session.unlocked).toBe(true);
    // A success forgets the count.
    expect(await db.meta.get('unlockFailures')).toBeUndefined();
  });

  it('makes each try wait longer after a few wrong ones, even across a reload', async () => {
    const { session, db, clock } = await withVault();
    for (let i = 0; i < FREE_TRIES; i++) {
      await expect(session.unlock('wrong')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    }
    const wait = await session.waitBeforeNextTry();
    expect(wait).toBe(unlockDelayMs(FREE_TRIES));
    expect(wait).toBeGreaterThan(0);
    // Even the right passphrase waits: the delay is what slows a guesser.
    await expect(session.unlock('correct horse')).rejects.toBeInstanceOf(UnlockWaitError);
    // A new window (a reload) over the same database keeps the wait.
    const reloaded = new VaultSession(db, clock.now);
    expect(await reloaded.waitBeforeNextTry()).toBe(wait);
    clock.advance(wait);
    await expect(reloaded.unlock('wrong')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await reloaded.waitBeforeNextTry()).toBe(unlockDelayMs(FREE_TRIES + 1));
    clock.advance(unlockDelayMs(FREE_TRIES + 1));
    await reloaded.unlock('correct horse');
    expect(reloaded.unlocked).toBe(true);
  });

  it('grows the wait by doubling, within a minute', () => {
    expect(unlockDelayMs(0)).toBe(0);
    expect(unlockDelayMs(FREE_TRIES - 1)).toBe(0);
    expect(unlockDelayMs(FREE_TRIES + 1)).toBe(2 * unlockDelayMs(FREE_TRIES));
    expect(unlockDelayMs(100)).toBe(60_000);
  });

  it('says the store is damaged (not a wrong passphrase) when the vault record is corrupt', async () => {
    const { session, db } = await withVault();
    const record = (await db.meta.get('vault'))?.value as Record<string, unknown>;
    await setMeta(db, 'vault', { ...record, keyCheck: 'AAAA' });
    await expect(session.unlock('correct horse')).rejects.toMatchObject({ code: 'corrupt' });
    expect(await db.meta.get('unlockFailures')).toBeUndefined();
  });
});
