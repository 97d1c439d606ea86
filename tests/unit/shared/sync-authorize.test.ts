// Who may write what, by role and by kind of field (core, data, review, tombstone), for
// records the receiver holds and for records a batch creates.
import { describe, expect, it } from 'vitest';
import {
  type SenderScope,
  authorizeChange,
  makeAuthorizer,
} from '../../../shared/sync/authorize.ts';
import { type Change, type Json } from '../../../shared/sync/change.ts';
import { recordKey } from '../../../shared/sync/fields.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import { type MergeResult, type RecordState, mergeChanges } from '../../../shared/sync/merge.ts';

const T0 = 1_700_000_000_000;
const officer1: SenderScope = { role: 'officer', officerId: 'o1', postCode: 'P1' };
const officer2: SenderScope = { role: 'officer', officerId: 'o2', postCode: 'P2' };
const lead: SenderScope = { role: 'lead', officerId: 'lead1', posts: ['P1', 'P3'] };
const hq: SenderScope = { role: 'hq', userId: 'hq1' };

let seq = 0;
function change(author: string, recordId: string, field: string, value: Json): Change {
  seq += 1;
  const deviceId = `dev-${author}`;
  return {
    deviceId,
    seq,
    hlc: encodeHlc({ wall: T0 + seq, counter: 0, deviceId }),
    collection: 'activities',
    recordId,
    field,
    value,
    author,
  };
}

function owned(
  id: string,
  officerId: string,
  postCode: string,
  extra: Record<string, Json> = {},
): RecordState {
  const hlc = encodeHlc({ wall: T0, counter: 0, deviceId: 'dev-x' });
  const fields: RecordState['fields'] = {
    officerId: { value: officerId, hlc },
    postCode: { value: postCode, hlc },
  };
  for (const [path, value] of Object.entries(extra)) fields[path] = { value, hlc };
  return { collection: 'activities', id, fields };
}

/** The receiver holds r1 (o1, post P1), r2 (o2, post P2) and gone (o1, P1, deleted). */
function receiver() {
  const records = new Map<string, RecordState>(
    [
      owned('r1', 'o1', 'P1', { 'data.notes': 'n' }),
      owned('r2', 'o2', 'P2'),
      owned('gone', 'o1', 'P1', { _deleted: true }),
    ].map((r) => [recordKey('activities', r.id), r]),
  );
  return {
    records,
    merge(scope: SenderScope, changes: Change[]): MergeResult {
      const result = mergeChanges((c, id) => records.get(recordKey(c, id)), changes, {
        authorize: makeAuthorizer(scope),
      });
      for (const [key, record] of result.records) records.set(key, record);
      return result;
    },
  };
}

function codes(r: MergeResult): (string | null)[] {
  return r.results.map((x) =>
    x.outcome === 'refused' || x.outcome === 'deferred' ? x.refusal.code : null,
  );
}

describe('an officer', () => {
  it('writes core, data and tombstone fields of its own activities', () => {
    const r = receiver().merge(officer1, [
      change('o1', 'r1', 'occurredOn', '2011-03-01'),
      change('o1', 'r1', 'data.notes', 'fixed'),
      change('o1', 'r1', 'postCode', 'P1'),
      change('o1', 'r1', '_deleted', true),
    ]);
    expect(r.results.map((x) => x.outcome)).toEqual(['updated', 'updated', 'updated', 'updated']);
  });

  it("refuses an officer's change to another officer's record and applies the rest", () => {
    const rx = receiver();
    const r = rx.merge(officer1, [
      change('o1', 'r2', 'data.notes', 'not mine'),
      change('o1', 'r2', '_deleted', true),
      change('o1', 'r1', 'data.notes', 'mine'),
    ]);
    expect(codes(r)).toEqual(['not-owner', 'not-owner', null]);
    expect(rx.records.get('activities/r1')?.fields['data.notes']?.value).toBe('mine');
    expect(rx.records.get('activities/r2')?.fields['data.notes']).toBeUndefined();
  });

  it('may not write review fields, not even of its own activities', () => {
    const r = receiver().merge(officer1, [change('o1', 'r1', 'review.status', 'approved')]);
    expect(codes(r)).toEqual(['officer-writes-review']);
  });

  it('may not hand its record to another officer or post', () => {
    const r = receiver().merge(officer1, [
      change('o1', 'r1', 'officerId', 'o2'),
      change('o1', 'r1', 'postCode', 'P2'),
    ]);
    expect(codes(r)).toEqual(['ownership-change', 'ownership-change']);
  });

  it('creates a new record when the ownership fields come after the data in the batch', () => {
    const rx = receiver();
    const r = rx.merge(officer1, [
      change('o1', 'new', 'data.count', 3),
      change('o1', 'new', 'type', 'training'),
      change('o1', 'new', 'postCode', 'P1'),
      change('o1', 'new', 'officerId', 'o1'),
    ]);
    expect(r.results.map((x) => x.outcome)).toEqual(['inserted', 'updated', 'updated', 'updated']);
    expect(rx.records.get('activities/new')?.fields['data.count']?.value).toBe(3);
  });

  it('may not create a record for another officer or in another post', () => {
    const forOther = receiver().merge(officer1, [
      change('o1', 'n1', 'data.count', 3),
      change('o1', 'n1', 'officerId', 'o2'),
      change('o1', 'n1', 'postCode', 'P1'),
    ]);
    expect(codes(forOther)).toEqual(['not-owner', 'not-owner', 'not-owner']);
    const elsewhere = receiver().merge(officer1, [
      change('o1', 'n2', 'officerId', 'o1'),
      change('o1', 'n2', 'postCode', 'P2'),
    ]);
    expect(codes(elsewhere)).toEqual(['not-owner', 'not-owner']);
  });

  it('is refused when the change names another author than the signer', () => {
    const r = receiver().merge(officer1, [change('o2', 'r1', 'data.notes', 'x')]);
    expect(codes(r)).toEqual(['author-mismatch']);
  });

  it('has a change to a record not yet here deferred, and applied once the record arrives', () => {
    const rx = receiver();
    const early = change('o2', 'late', 'data.notes', 'edit');
    expect(rx.merge(officer2, [early]).results[0]?.outcome).toBe('deferred');
    rx.merge(officer2, [
      change('o2', 'late', 'officerId', 'o2'),
      change('o2', 'late', 'postCode', 'P2'),
    ]);
    expect(rx.merge(officer2, [early]).results[0]?.outcome).toBe('updated');
  });

  it('waits for the other half of a creation that arrived half', () => {
    const r = receiver().merge(officer1, [change('o1', 'half', 'officerId', 'o1')]);
    expect(codes(r)).toEqual(['unknown-record']);
  });
});

describe('a team lead', () => {
  it('reviews activities of the posts it leads', () => {
    const r = receiver().merge(lead, [
      change('lead1', 'r1', 'review.status', 'returned'),
      change('lead1', 'r1', 'review.comment', 'date?'),
    ]);
    expect(codes(r)).toEqual([null, null]);
  });

  it('may not review activities outside its posts', () => {
    const r = receiver().merge(lead, [change('lead1', 'r2', 'review.status', 'approved')]);
    expect(codes(r)).toEqual(['review-field-out-of-scope']);
  });

  it("may not write the data, core fields or tombstone of an officer's activity it reviews", () => {
    const r = receiver().merge(lead, [
      change('lead1', 'r1', 'data.notes', 'x'),
      change('lead1', 'r1', 'type', 'liaison'),
      change('lead1', 'r1', '_deleted', true),
    ]);
    expect(codes(r)).toEqual(['not-owner', 'not-owner', 'not-owner']);
  });

  it('writes its own activities like an officer, in any post it leads but no other', () => {
    const mine = receiver().merge(lead, [
      change('lead1', 'own', 'officerId', 'lead1'),
      change('lead1', 'own', 'postCode', 'P3'),
      change('lead1', 'own', 'data.count', 2),
    ]);
    expect(codes(mine)).toEqual([null, null, null]);
    const elsewhere = receiver().merge(lead, [
      change('lead1', 'x', 'officerId', 'lead1'),
      change('lead1', 'x', 'postCode', 'P2'),
    ]);
    expect(codes(elsewhere)).toEqual(['not-owner', 'not-owner']);
  });

  it('has a review of a record not yet here deferred rather than refused', () => {
    const r = receiver().merge(lead, [change('lead1', 'unseen', 'review.status', 'approved')]);
    expect(r.results[0]?.outcome).toBe('deferred');
  });

  it('has a review of a deleted activity judged on its kept owner, then found stale', () => {
    const r = receiver().merge(lead, [change('lead1', 'gone', 'review.status', 'approved')]);
    expect(r.results[0]?.outcome).toBe('stale');
  });
});

describe('HQ', () => {
  it('reviews activities of any post', () => {
    const r = receiver().merge(hq, [
      change('hq1', 'r1', 'review.status', 'approved'),
      change('hq1', 'r2', 'review.at', '2011-04-02T10:00:00Z'),
    ]);
    expect(codes(r)).toEqual([null, null]);
  });

  it('may not write data, core fields or tombstones', () => {
    const r = receiver().merge(hq, [
      change('hq1', 'r1', 'data.notes', 'x'),
      change('hq1', 'r1', 'officerId', 'hq1'),
      change('hq1', 'r1', '_deleted', true),
      change('hq1', 'unseen', 'data.notes', 'x'),
    ]);
    expect(codes(r)).toEqual([
      'hq-review-only',
      'hq-review-only',
      'hq-review-only',
      'hq-review-only',
    ]);
  });

  it('has a review of a record not yet here deferred', () => {
    expect(
      codes(receiver().merge(hq, [change('hq1', 'unseen', 'review.status', 'approved')])),
    ).toEqual(['unknown-record']);
  });
});

describe('deleted records', () => {
  it('still refuses a forged change to a deleted record instead of calling it stale', () => {
    const r = receiver().merge(officer2, [change('o2', 'gone', 'data.notes', 'x')]);
    expect(codes(r)).toEqual(['not-owner']);
  });
});

describe('forged authors', () => {
  const officerB: SenderScope = { role: 'officer', officerId: 'oB', postCode: 'PB' };
  const officerC: SenderScope = { role: 'officer', officerId: 'oC', postCode: 'PC' };

  /** A change sent from the device of `sender`, naming `author` (forged when they differ). */
  function sent(sender: string, author: string, field: string, value: Json): Change {
    const c = change(sender, 'x1', field, value);
    return { ...c, author };
  }

  // B's ownership writes name someone else as their author, so they are refused; its data
  // write names B itself. C creates a record under the same id, properly.
  const fromB = () => [
    sent('oB', 'someone-else', 'officerId', 'oB'),
    sent('oB', 'someone-else', 'postCode', 'PB'),
    sent('oB', 'oB', 'data.notes', 'from B'),
  ];
  const fromC = () => [
    sent('oC', 'oC', 'officerId', 'oC'),
    sent('oC', 'oC', 'postCode', 'PC'),
    sent('oC', 'oC', 'type', 'liaison'),
    sent('oC', 'oC', 'data.notes', 'from C'),
  ];

  /** An importer that keeps deferred changes with their scope and retries them after each import. */
  function importer() {
    const rx = receiver();
    let parked: { scope: SenderScope; change: Change }[] = [];
    const log: (string | null)[][] = [];
    const run = (scope: SenderScope, changes: Change[]) => {
      const r = rx.merge(scope, changes);
      log.push(codes(r));
      return r.results
        .filter((x) => x.outcome === 'deferred')
        .map((x) => ({ scope, change: x.change }));
    };
    return {
      log,
      records: rx.records,
      parked: () => parked,
      receive(scope: SenderScope, changes: Change[]) {
        const waiting = parked;
        parked = run(scope, changes);
        for (const p of waiting) parked.push(...run(p.scope, [p.change]));
      },
    };
  }

  it('does not count ownership writes under another author as a claim', () => {
    const rx = importer();
    rx.receive(officerB, fromB());
    expect(rx.log[0]).toEqual(['author-mismatch', 'author-mismatch', 'unknown-record']);
    // Nothing is stored: in particular no record without an owner holding B's notes.
    expect(rx.records.has('activities/x1')).toBe(false);
  });

  it("ends in C's record whichever of B's and C's batches arrives first; B's data never lands in it", () => {
    const [b, c] = [fromB(), fromC()];
    const bFirst = importer();
    bFirst.receive(officerB, b);
    bFirst.receive(officerC, c);
    const cFirst = importer();
    cFirst.receive(officerC, c);
    cFirst.receive(officerB, b);

    // Exactly C's batch merged alone, stamps included.
    const expected = mergeChanges(() => undefined, c).records.get('activities/x1')?.fields;
    const valuesOf = (fields: RecordState['fields'] | undefined) =>
      Object.fromEntries(Object.entries(fields ?? {}).map(([k, v]) => [k, v.value]));
    for (const rx of [bFirst, cFirst]) {
      const record = rx.records.get('activities/x1');
      expect(valuesOf(record?.fields)).toEqual({
        officerId: 'oC',
        postCode: 'PC',
        type: 'liaison',
        'data.notes': 'from C',
      });
      expect(rx.parked()).toEqual([]);
    }
    expect(bFirst.records.get('activities/x1')?.fields).toEqual(expected);
    expect(cFirst.records.get('activities/x1')?.fields).toEqual(expected);
    // B's notes: deferred until the record is known, then refused as C's; refused at once
    // where C's record came first.
    expect(bFirst.log).toEqual([
      ['author-mismatch', 'author-mismatch', 'unknown-record'],
      [null, null, null, null],
      ['not-owner'],
    ]);
    expect(cFirst.log).toEqual([
      [null, null, null, null],
      ['author-mismatch', 'author-mismatch', 'not-owner'],
    ]);
  });

  it('still lets a sender claim a new record with its own writes among forged ones', () => {
    const rx = receiver();
    const r = rx.merge(officerB, [
      sent('oB', 'someone-else', 'officerId', 'oC'),
      sent('oB', 'oB', 'officerId', 'oB'),
      sent('oB', 'oB', 'postCode', 'PB'),
      sent('oB', 'oB', 'data.notes', 'mine'),
    ]);
    expect(codes(r)).toEqual(['author-mismatch', null, null, null]);
    expect(rx.records.get('activities/x1')?.fields.officerId?.value).toBe('oB');
  });
});

describe('authorizeChange on its own', () => {
  it('judges a single change against the record it is given', () => {
    const r1 = owned('r1', 'o1', 'P1');
    expect(authorizeChange(officer1, change('o1', 'r1', 'data.notes', 'x'), r1)).toBeNull();
    expect(authorizeChange(officer2, change('o2', 'r1', 'data.notes', 'x'), r1)?.code).toBe(
      'not-owner',
    );
    expect(
      authorizeChange(lead, change('lead1', 'r1', 'review.status', 'approved'), undefined)?.code,
    ).toBe('unknown-record');
  });
});
