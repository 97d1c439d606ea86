// A write aborted by a full disk reads as a full disk, though its requests only say "aborted".
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { withAbortReason } from '../../../renderer/src/db/abort-reason.ts';
import { describeFailure } from '../../../renderer/src/db/exchange/errors.ts';
import { DbError } from '../../../renderer/src/db/errors.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';

const aborted = new DOMException(
  'The transaction was aborted, so the request cannot be fulfilled.',
  'AbortError',
);

describe('the reason of an aborted write', () => {
  it('says the disk is full when the transaction failed for want of space', () => {
    const tx = {
      error: new DOMException(
        'Connection is closing because of: IO error: 000003.log: FILE_ERROR_NO_SPACE',
        'UnknownError',
      ),
    } as unknown as IDBTransaction;
    expect(describeFailure(aborted)).toEqual({ errorKey: 'exchange.error.unexpected' });
    expect(describeFailure(withAbortReason(aborted, tx))).toEqual({
      errorKey: 'exchange.error.disk-full',
    });
  });

  it('leaves a failure of the transaction scope as it was', () => {
    const own = new Error('the scope threw');
    expect(withAbortReason(own, { error: null } as unknown as IDBTransaction)).toBe(own);
    expect(withAbortReason(own, undefined)).toBe(own);
  });
});

describe('a connection closed under a write', () => {
  it('says the database closed, not "something went wrong", in English and in French', async () => {
    const closed = new Dexie.DatabaseClosedError('Database has been closed');
    expect(describeFailure(closed)).toEqual({ errorKey: 'exchange.error.connection-closed' });
    expect(describeFailure(new DbError('blocked'))).toEqual({
      errorKey: 'exchange.error.connection-closed',
    });
    // Closed because the disk filled up: the full disk is the reason given.
    const full = new Dexie.DatabaseClosedError('IO error: FILE_ERROR_NO_SPACE');
    expect(describeFailure(full)).toEqual({ errorKey: 'exchange.error.disk-full' });

    const i18n = createI18n('en');
    expect(i18n.t('exchange.error.connection-closed')).toMatch(/^The database closed/);
    await i18n.changeLanguage('fr');
    expect(i18n.t('exchange.error.connection-closed')).toMatch(/^La base de données s’est fermée/);
  });
});
