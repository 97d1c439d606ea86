// Receipt file names: one file keeps its name; the parts of a receipt written as several
// say which part they are, so they stay apart on a USB stick and in a person's hands.
import { describe, expect, it } from 'vitest';
import { receiptFileName } from '../../../shared/bundle/file-name.ts';

const base = { issuerId: 'hq-ottawa', createdAt: '2025-04-11T09:30:00.000Z' };

describe('receiptFileName', () => {
  it('names one file as ever, for a post or for all posts', () => {
    expect(receiptFileName({ ...base, postCode: 'BOG' })).toBe(
      'receipt_hq-ottawa_BOG_2025-04-11.llb',
    );
    expect(receiptFileName({ ...base, postCode: null })).toBe(
      'receipt_hq-ottawa_all-posts_2025-04-11.llb',
    );
    // Part 1 of 1 is the one file: no part in its name.
    expect(receiptFileName({ ...base, postCode: null, part: { index: 1, count: 1 } })).toBe(
      'receipt_hq-ottawa_all-posts_2025-04-11.llb',
    );
  });

  it('says which part of how many, each name its own', () => {
    const names = [1, 2, 3].map((index) =>
      receiptFileName({ ...base, postCode: null, part: { index, count: 3 } }),
    );
    expect(names).toEqual([
      'receipt_hq-ottawa_all-posts_2025-04-11_part-1-of-3.llb',
      'receipt_hq-ottawa_all-posts_2025-04-11_part-2-of-3.llb',
      'receipt_hq-ottawa_all-posts_2025-04-11_part-3-of-3.llb',
    ]);
  });
});
