// A write that failed for no stated reason is told apart from a full disk by one tiny probe.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type LiaisonDb } from '../../../renderer/src/db/db.ts';
import { explainWriteFailure, PROBE_PATIENCE_MS } from '../../../renderer/src/db/disk-probe.ts';
import { DbError } from '../../../renderer/src/db/errors.ts';
import { getMeta } from '../../../renderer/src/db/meta.ts';
import { freshName, testTypes } from './db-fixtures.ts';

const bare = () =>
  new DbError('write-failed', 'Unknown error', { cause: new DOMException('', 'UnknownError') });

/** What Dexie's reopen fails with when Chromium cannot open its files again (full disk). */
const backingStore = () =>
  Object.assign(
    new Error('UnknownError Internal error opening backing store for indexedDB.open.'),
    {
      name: 'DatabaseClosedError',
    },
  );

/** Chromium closing the connection on its own, as Dexie hears it. */
function browserCloses(target: LiaisonDb): void {
  const events = target.on as unknown as { close: { fire(event: Event): void } };
  events.close.fire(new Event('close'));
}

let db: LiaisonDb | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
});

describe('a write failure with no stated reason', () => {
  it('stays a write failure when a probe write succeeds (the disk has room)', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    const failure = bare();
    expect(await explainWriteFailure(db, failure)).toBe(failure);
    expect(await getMeta(db, 'diskProbe')).toEqual(expect.any(Number));
  });

  it('reads as a full disk when the probe fails for want of space', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    const noSpace = new DOMException(
      'Connection is closing because of: IO error: 000003.log: FILE_ERROR_NO_SPACE',
      'UnknownError',
    );
    vi.spyOn(db.meta, 'put').mockRejectedValue(noSpace);
    const failure = bare();
    const explained = await explainWriteFailure(db, failure);
    expect(explained.code).toBe('quota-exceeded');
    expect(explained.cause).toBe(failure);
  });

  it('leaves a failure that already has its reason untouched, without probing', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    const put = vi.spyOn(db.meta, 'put');
    const full = new DbError('quota-exceeded', 'full');
    expect(await explainWriteFailure(db, full)).toBe(full);
    expect(put).not.toHaveBeenCalled();
  });

  it('reads as a full disk when the database cannot even be opened again', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    vi.spyOn(db.meta, 'put').mockRejectedValue(backingStore());
    const explained = await explainWriteFailure(db, bare());
    expect(explained.code).toBe('quota-exceeded');
  });

  it('starts again when the browser closes the connection under a probe that never settles', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    const opened = db;
    const put = vi
      .spyOn(db.meta, 'put')
      .mockImplementationOnce(() => {
        // Chromium: a write on a connection it is closing neither succeeds nor fails.
        queueMicrotask(() => browserCloses(opened));
        return new Promise<never>(() => undefined) as never;
      })
      .mockResolvedValueOnce('diskProbe');
    const failure = bare();
    expect(await explainWriteFailure(db, failure)).toBe(failure);
    expect(put).toHaveBeenCalledTimes(2);
  });

  it('reads as a full disk when the browser fails to open the database again under the probe', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    const opened = db;
    vi.spyOn(db.meta, 'put').mockImplementation(() => {
      vi.spyOn(opened, 'hasFailed').mockReturnValue(true);
      queueMicrotask(() => browserCloses(opened));
      // Dexie then fails the queued write with the open's own error, after the close.
      return new Promise<never>((_resolve, reject) =>
        setTimeout(() => reject(backingStore()), 0),
      ) as never;
    });
    expect((await explainWriteFailure(db, bare())).code).toBe('quota-exceeded');
  });

  it('does not guess a full disk when the lost connection gave another reason', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    vi.spyOn(db.connection, 'lostBecause', 'get').mockReturnValue(
      new DOMException('Connection is closing because of: Corruption: bad block', 'UnknownError'),
    );
    vi.spyOn(db.meta, 'put').mockRejectedValue(backingStore());
    const failure = bare();
    expect(await explainWriteFailure(db, failure)).toBe(failure);
  });

  it('tells of another window when the probe meets a database the app closed for an upgrade', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    vi.spyOn(db.connection, 'closedOnPurpose', 'get').mockReturnValue(true);
    vi.spyOn(db.meta, 'put').mockRejectedValue(
      Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' }),
    );
    expect((await explainWriteFailure(db, bare())).code).toBe('blocked');
  });

  it('leaves the failure as it is when the probe gets no answer in time', async () => {
    db = await openDatabase(freshName(), { types: testTypes });
    vi.spyOn(db.meta, 'put').mockReturnValue(new Promise<never>(() => undefined) as never);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const failure = bare();
      const explained = explainWriteFailure(db, failure);
      await vi.advanceTimersByTimeAsync(PROBE_PATIENCE_MS);
      expect(await explained).toBe(failure);
    } finally {
      vi.useRealTimers();
    }
  });
});
