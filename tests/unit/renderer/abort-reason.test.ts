// A write aborted by a full disk reads as a full disk, though its requests only say "aborted".
import { describe, expect, it } from 'vitest';
import { withAbortReason } from '../../../renderer/src/db/abort-reason.ts';
import { describeFailure } from '../../../renderer/src/db/exchange/errors.ts';

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
