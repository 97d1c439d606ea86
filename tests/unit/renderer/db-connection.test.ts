// After the browser closes the connection (a full disk): the reason a failure gives, and the
// reopen on the next use. The real full disk is in tests/e2e/full-disk.spec.ts.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, toDbError, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { withReason } from '../../../renderer/src/db/connection.ts';
import { freshName, testTypes } from './db-fixtures.ts';

const NO_SPACE = new DOMException(
  'Connection is closing because of: IO error: 000003.log: FILE_ERROR_NO_SPACE',
  'UnknownError',
);
const toClose: LiaisonDb[] = [];
afterEach(() => {
  for (const db of toClose.splice(0)) db.close();
});

describe('the reason of a failed write', () => {
  it('reads a full disk from the aborted transaction an anonymous request error points to', () => {
    const request = new DOMException('The transaction was aborted', 'AbortError');
    const explained = withReason(request, NO_SPACE);
    expect(toDbError(explained, 'write-failed').code).toBe('quota-exceeded');
    expect(toDbError(new DOMException('aborted', 'AbortError'), 'write-failed').code).toBe(
      'write-failed',
    );
  });

  it('reads a full disk from the first failure of a bulk write', () => {
    const failure = withReason(new DOMException('aborted', 'AbortError'), NO_SPACE) as Error;
    const bulk = new Dexie.BulkError('changes.bulkAdd(): 1 of 1 operations failed', [failure]);
    expect(toDbError(bulk, 'write-failed').code).toBe('quota-exceeded');
  });

  it('reads a failed reopen as what closed the connection, never as another window', () => {
    const reopen = new Dexie.DatabaseClosedError(
      new DOMException('Internal error opening backing store', 'UnknownError'),
    );
    const lostToFullDisk = { closedOnPurpose: false, lostBecause: NO_SPACE };
    expect(toDbError(reopen, 'write-failed', lostToFullDisk).code).toBe('quota-exceeded');
    const lostUnknown = { closedOnPurpose: false, lostBecause: undefined };
    expect(toDbError(reopen, 'write-failed', lostUnknown).code).toBe('write-failed');
    // Closed by the app because another window upgrades the database: that is what it says.
    const onPurpose = { closedOnPurpose: true, lostBecause: undefined };
    expect(toDbError(reopen, 'write-failed', onPurpose).code).toBe('blocked');
  });
});

describe('a connection the browser closed', () => {
  it('reopens on the next use, and a close the app asked for stays closed', async () => {
    const db = await openDatabase(freshName(), { types: testTypes });
    toClose.push(db);
    await db.meta.put({ key: 'language', value: 'en' });
    // What Dexie does when the browser closes the connection (IDBDatabase close event).
    db.close({ disableAutoOpen: false });
    expect(db.isOpen()).toBe(false);
    expect(db.connection.closedOnPurpose).toBe(false);
    await db.meta.put({ key: 'language', value: 'fr' });
    expect(db.isOpen()).toBe(true);
    expect((await db.meta.get('language'))?.value).toBe('fr');

    db.close();
    expect(db.connection.closedOnPurpose).toBe(true);
    await expect(db.meta.get('language')).rejects.toThrow();
  });
});
