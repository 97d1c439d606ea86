// Issue #11, the pure review rules: every allowed and refused move, the state people see
// after an edit, the comment thread (well-formed, authorized by role and post) and its merge
// (no comment lost, whatever the order, the duplicates and the devices).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/domain/activity.ts';
import { applyFieldValues, toFieldValues } from '../../../shared/domain/activity-paths.ts';
import {
  MAX_COMMENT_LENGTH,
  allowedMoves,
  commentPath,
  commentProblem,
  effectiveState,
  moveRefusal,
  threadOf,
  type ReviewActor,
} from '../../../shared/review/index.ts';
import {
  authorizeChange,
  makeAuthorizer,
  type SenderScope,
} from '../../../shared/sync/authorize.ts';
import { type Change, type Json } from '../../../shared/sync/change.ts';
import { recordKey } from '../../../shared/sync/fields.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import { mergeChanges, type RecordState } from '../../../shared/sync/merge.ts';

const ENTRY = { officerId: 'lo-bogota-1', postCode: 'BOG' };
const OFFICER: ReviewActor = { role: 'officer', officerId: 'lo-bogota-1' };
const OTHER_OFFICER: ReviewActor = { role: 'officer', officerId: 'lo-lima-1' };
const LEAD: ReviewActor = { role: 'lead', officerId: 'lead-americas', posts: ['BOG', 'LIM'] };
const OTHER_LEAD: ReviewActor = { role: 'lead', officerId: 'lead-europe', posts: ['PAR'] };
const HQ: ReviewActor = { role: 'hq', userId: 'hq-ottawa' };

describe('who may move an entry from which state to which', () => {
  // Every cell written out: the reviewer's moves, the officer's correction, and the refusals.
  const table: [string, ReviewActor, ReviewStatus, ReviewStatus, string | null][] = [];
  for (const from of REVIEW_STATUSES)
    for (const to of REVIEW_STATUSES) {
      const reviewer =
        to === 'pending' ? 'pending-by-edit-only' : from === to ? 'same-state' : null;
      table.push(['lead of the post', LEAD, from, to, reviewer]);
      table.push(['HQ', HQ, from, to, reviewer]);
      table.push(['lead of another post', OTHER_LEAD, from, to, 'not-your-post']);
      const own =
        to !== 'pending'
          ? 'officer-cannot-review'
          : from === 'returned' || from === 'issues'
            ? null
            : 'nothing-to-correct';
      table.push(['the entry’s officer', OFFICER, from, to, own]);
      table.push([
        'another officer',
        OTHER_OFFICER,
        from,
        to,
        to === 'pending' ? 'not-your-entry' : 'officer-cannot-review',
      ]);
    }

  it.each(table)('%s: %s → %s', (_who, actor, from, to, expected) => {
    expect(moveRefusal(actor, ENTRY, from, to)).toBe(expected);
  });

  it('lists the moves a person is offered', () => {
    expect(allowedMoves(LEAD, ENTRY, 'pending')).toEqual(['approved', 'issues', 'returned']);
    expect(allowedMoves(HQ, ENTRY, 'approved')).toEqual(['issues', 'returned']);
    expect(allowedMoves(OFFICER, ENTRY, 'returned')).toEqual(['pending']);
    expect(allowedMoves(OFFICER, ENTRY, 'approved')).toEqual([]);
    expect(allowedMoves(OTHER_LEAD, ENTRY, 'pending')).toEqual([]);
  });
});

describe('the state people see', () => {
  const at = (wall: number) => encodeHlc({ wall, counter: 0, deviceId: 'd' });

  it('is pending for a new entry, and the review’s state until the officer edits it', () => {
    expect(effectiveState({ status: 'pending' })).toEqual({ state: 'pending', reason: 'new' });
    expect(
      effectiveState({ status: 'approved', statusStamp: at(20), lastEditStamp: at(10) }),
    ).toEqual({ state: 'approved' });
  });

  it('goes back to pending when the officer edits after the review, and says why', () => {
    expect(
      effectiveState({ status: 'returned', statusStamp: at(20), lastEditStamp: at(30) }),
    ).toEqual({ state: 'pending', reason: 'corrected', reviewed: 'returned' });
    expect(
      effectiveState({ status: 'issues', statusStamp: at(20), lastEditStamp: at(30) }),
    ).toEqual({ state: 'pending', reason: 'corrected', reviewed: 'issues' });
    expect(
      effectiveState({ status: 'approved', statusStamp: at(20), lastEditStamp: at(30) }),
    ).toEqual({ state: 'pending', reason: 'edited-after-approval', reviewed: 'approved' });
  });
});

const comment = (by: string, role: 'officer' | 'lead' | 'hq', text: string, minute = 0): Json => ({
  by,
  role,
  at: `2025-04-02T10:${String(minute).padStart(2, '0')}:00Z`,
  text,
});

describe('a comment', () => {
  it('is well formed, by its signer, and at most the limit long', () => {
    expect(
      commentProblem(comment('lead-americas', 'lead', 'Add the flight'), 'lead-americas'),
    ).toBe(null);
    expect(commentProblem(comment('hq-ottawa', 'hq', 'x'), 'lead-americas')).toBe('not-the-author');
    expect(
      commentProblem(comment('hq-ottawa', 'hq', 'x'.repeat(MAX_COMMENT_LENGTH + 1)), 'hq-ottawa'),
    ).toBe('too-long');
    expect(commentProblem('just text', 'hq-ottawa')).toBe('not-a-comment');
    expect(commentProblem(comment('hq-ottawa', 'hq', ''), 'hq-ottawa')).toBe('not-a-comment');
    expect(() => commentPath('a.b')).toThrow(TypeError);
  });

  it('travels in the entry’s field values and back, and the thread reads oldest first', () => {
    const base = {
      id: 'r1',
      type: 'liaison' as const,
      schemaVersion: 2,
      officerId: 'lo-bogota-1',
      postCode: 'BOG',
      occurredOn: '2025-04-01',
      data: {},
      review: { status: 'pending' as const },
      deleted: false,
      createdAt: '',
      updatedAt: '',
    };
    const values = {
      [commentPath('second-comment')]: comment('hq-ottawa', 'hq', 'Seen', 5),
      [commentPath('first-comment')]: comment('lead-americas', 'lead', 'Add the flight', 1),
    };
    const entry = applyFieldValues(base, values);
    const back = toFieldValues(entry);
    expect(threadOf(back).map((c) => [c.id, c.text])).toEqual([
      ['first-comment', 'Add the flight'],
      ['second-comment', 'Seen'],
    ]);
  });
});

// ---- authorization and merge of comments ----

const RECORD = 'r1';
const SCOPES: Record<string, SenderScope> = {
  officer: { role: 'officer', officerId: 'lo-bogota-1', postCode: 'BOG' },
  lead: { role: 'lead', officerId: 'lead-americas', posts: ['BOG'] },
  hq: { role: 'hq', userId: 'hq-ottawa' },
  farLead: { role: 'lead', officerId: 'lead-europe', posts: ['PAR'] },
  otherOfficer: { role: 'officer', officerId: 'lo-lima-1', postCode: 'LIM' },
};
const nameOf = (s: SenderScope) => (s.role === 'hq' ? s.userId : s.officerId);

function stored(): RecordState {
  const hlc = encodeHlc({ wall: 1_700_000_000_000, counter: 0, deviceId: 'officer' });
  return {
    collection: 'activities',
    id: RECORD,
    fields: { officerId: { value: 'lo-bogota-1', hlc }, postCode: { value: 'BOG', hlc } },
  };
}

function commentChange(device: string, seq: number, id: string, text: string): Change {
  const scope = SCOPES[device] as SenderScope;
  return {
    deviceId: device,
    seq,
    hlc: encodeHlc({ wall: 1_700_000_000_000 + seq, counter: 0, deviceId: device }),
    collection: 'activities',
    recordId: RECORD,
    field: commentPath(id),
    value: comment(nameOf(scope), scope.role, text, seq % 60),
    author: nameOf(scope),
  };
}

describe('who may comment', () => {
  const judge = (device: string, change: Change) =>
    authorizeChange(SCOPES[device] as SenderScope, change, stored())?.code ?? null;

  it('the officer on its own entry, the lead of the post, and HQ; nobody else', () => {
    expect(judge('officer', commentChange('officer', 1, 'comment-0001', 'Done'))).toBe(null);
    expect(judge('lead', commentChange('lead', 1, 'comment-0002', 'Fix it'))).toBe(null);
    expect(judge('hq', commentChange('hq', 1, 'comment-0003', 'Noted'))).toBe(null);
    expect(judge('farLead', commentChange('farLead', 1, 'comment-0004', 'Hm'))).toBe(
      'review-field-out-of-scope',
    );
    expect(judge('otherOfficer', commentChange('otherOfficer', 1, 'comment-0005', 'Hm'))).toBe(
      'not-owner',
    );
  });

  it('refuses a comment in another’s name, a long one with the limit named, and junk', () => {
    const forged = {
      ...commentChange('lead', 1, 'comment-0006', 'x'),
      value: comment('hq-ottawa', 'hq', 'x'),
    };
    expect(judge('lead', forged)).toBe('author-mismatch');
    const long = commentChange('hq', 2, 'comment-0007', 'x'.repeat(MAX_COMMENT_LENGTH + 1));
    const refused = authorizeChange(SCOPES.hq as SenderScope, long, stored());
    expect(refused?.code).toBe('comment-too-long');
    expect(refused?.detail).toContain(String(MAX_COMMENT_LENGTH));
    expect(judge('hq', { ...commentChange('hq', 3, 'comment-0008', 'x'), value: 42 })).toBe(
      'invalid-value',
    );
  });
});

describe('comment threads merge as sets', () => {
  const writers = ['officer', 'lead', 'hq'] as const;
  const threadArb = fc.array(
    fc.record({
      device: fc.constantFrom(...writers),
      text: fc.string({ minLength: 1, maxLength: 20 }),
    }),
    { maxLength: 15 },
  );

  it('loses no comment, whatever the order, the duplicates and the batches', () => {
    fc.assert(
      fc.property(
        threadArb,
        fc.array(fc.integer(), { minLength: 3, maxLength: 3 }),
        (items, seeds) => {
          const seqs: Record<string, number> = {};
          const all = items.map(({ device, text }, i) => {
            seqs[device] = (seqs[device] ?? 0) + 1;
            return commentChange(
              device,
              seqs[device],
              `comment-${String(i).padStart(4, '0')}`,
              text,
            );
          });
          for (const seed of seeds) {
            let rnd = seed >>> 0;
            const next = () => (rnd = (Math.imul(rnd, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
            const delivered = [...all, ...all.filter(() => next() < 0.3)].sort(() => next() - 0.5);
            const store = new Map<string, RecordState>([
              [recordKey('activities', RECORD), stored()],
            ]);
            while (delivered.length > 0) {
              const batch = delivered.splice(0, 1 + Math.floor(next() * 4));
              // Each batch is one sender's bundle at the receiver: one authorizer per device.
              for (const device of writers) {
                const own = batch.filter((c) => c.deviceId === device);
                if (own.length === 0) continue;
                const result = mergeChanges((c, id) => store.get(recordKey(c, id)), own, {
                  authorize: makeAuthorizer(SCOPES[device] as SenderScope),
                });
                expect(result.results.filter((r) => r.outcome === 'refused')).toEqual([]);
                for (const [key, record] of result.records) store.set(key, record);
              }
            }
            const fields = store.get(recordKey('activities', RECORD))?.fields ?? {};
            const values = Object.fromEntries(Object.entries(fields).map(([p, f]) => [p, f.value]));
            expect(
              threadOf(values)
                .map((c) => c.id)
                .sort(),
            ).toEqual(all.map((c) => c.field.slice('review.comments.'.length)).sort());
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
