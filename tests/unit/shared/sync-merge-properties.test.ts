// Merge properties under fast-check: devices with skewed clocks edit and delete the same
// records; receivers get the changes shuffled, duplicated, lost and resent, and all agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SenderScope, makeAuthorizer } from '../../../shared/sync/authorize.ts';
import { type Change, type Json } from '../../../shared/sync/change.ts';
import { isSyncedField, recordKey } from '../../../shared/sync/fields.ts';
import { HlcClock, decodeHlc, encodeHlc } from '../../../shared/sync/hlc.ts';
import { type MergeOptions, type RecordState, mergeChanges } from '../../../shared/sync/merge.ts';

const T0 = 1_700_000_000_000;
const RUNS = { numRuns: 1000 };
// 1000 runs take 1-3 s on an idle machine; the margin is for a loaded CI box, not for slowness.
const PROPERTY_TIMEOUT_MS = 30_000;

// ---- a receiver's store, and its state in a form that can be compared ----

type Store = Map<string, RecordState>;

function mergeInto(store: Store, changes: readonly Change[], options?: MergeOptions) {
  const result = mergeChanges((c, id) => store.get(recordKey(c, id)), changes, options);
  for (const [key, record] of result.records) store.set(key, record);
  return result;
}

type Snapshot = Record<string, Record<string, { value: Json; hlc: string }>>;

function snapshot(store: Store): Snapshot {
  return Object.fromEntries([...store].map(([key, record]) => [key, record.fields]));
}

/** Key-order-free equality; toEqual (slow at 1000 runs) only runs to print a diff. */
function expectSameState(actual: Snapshot, expected: Snapshot): void {
  const canon = (s: Snapshot) =>
    JSON.stringify(
      Object.keys(s)
        .sort()
        .map((key) => [key, Object.entries(s[key] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))]),
    );
  if (canon(actual) !== canon(expected)) expect(actual).toEqual(expected);
}

/**
 * What the state must be, written without the merge: per field the greatest stamp (then
 * value) wins, except that a tombstone (`_deleted: true`) beats `_deleted: false`; a deleted
 * record keeps only the tombstone and the owner.
 */
function expectedState(changes: readonly Change[]): Snapshot {
  type Write = { value: Json; hlc: string };
  const rank = (field: string, w: Write) =>
    [field === '_deleted' && w.value === true ? 1 : 0, w.hlc, JSON.stringify(w.value)] as const;
  const wins = (field: string, a: Write, b: Write) => {
    const [ra, rb] = [rank(field, a), rank(field, b)];
    return ra[0] !== rb[0] ? ra[0] > rb[0] : ra[1] !== rb[1] ? ra[1] > rb[1] : ra[2] > rb[2];
  };
  const latest = new Map<string, Map<string, Write>>();
  for (const c of changes) {
    const key = recordKey(c.collection, c.recordId);
    const fields = latest.get(key) ?? new Map<string, Write>();
    latest.set(key, fields);
    const held = fields.get(c.field);
    const write = { value: c.value, hlc: c.hlc };
    if (!held || wins(c.field, write, held)) fields.set(c.field, write);
  }
  const state: Snapshot = {};
  for (const [key, fields] of latest) {
    const deleted = fields.get('_deleted')?.value === true;
    state[key] = Object.fromEntries(
      [...fields].filter(
        ([path]) => !deleted || ['_deleted', 'officerId', 'postCode'].includes(path),
      ),
    );
  }
  return state;
}

// ---- deterministic delivery: shuffled, duplicated, some lost then resent, in batches ----

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function deliveries(all: readonly Change[], seed: number): Change[][] {
  const rnd = prng(seed);
  const firstPass: Change[] = [];
  const lost: Change[] = [];
  for (const c of shuffle(all, rnd)) {
    (rnd() < 0.2 ? lost : firstPass).push(c);
    if (rnd() < 0.2) firstPass.splice(Math.floor(rnd() * (firstPass.length + 1)), 0, c);
  }
  const queue = [...firstPass, ...shuffle(lost, rnd)];
  const batches: Change[][] = [];
  while (queue.length > 0) batches.push(queue.splice(0, 1 + Math.floor(rnd() * 5)));
  return batches;
}

// ---- several devices, each with its own HLC and a skewed wall clock ----

type Op =
  | { kind: 'write'; device: number; record: number; field: string; value: Json; step: number }
  | { kind: 'delete'; device: number; record: number; step: number }
  | { kind: 'observe'; device: number; from: number; step: number };

const valueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.constantFrom('a', 'b', 'ü'),
  fc.constant(null),
  fc.record({ k: fc.integer({ min: 0, max: 2 }) }),
);

const opArb = (devices: number): fc.Arbitrary<Op> => {
  const device = fc.nat({ max: devices - 1 });
  const record = fc.nat({ max: 2 });
  const step = fc.integer({ min: 0, max: 3 });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('write' as const),
        device,
        record,
        field: fc.constantFrom(
          'type',
          'officerId',
          'data.notes',
          'data.count',
          'review.status',
          '_deleted',
        ),
        value: valueArb,
        step,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('delete' as const), device, record, step }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('observe' as const),
        device,
        from: fc.nat({ max: devices - 1 }),
        step,
      }),
    },
  );
};

const worldArb = fc.integer({ min: 3, max: 4 }).chain((devices) =>
  fc.record({
    // Small skews make stamps collide on wall time; one device may run days ahead.
    skews: fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(3 * 86_400_000)), {
      minLength: devices,
      maxLength: devices,
    }),
    ops: fc.array(opArb(devices), { maxLength: 30 }),
    receivers: fc.array(fc.integer(), { minLength: 3, maxLength: 3 }),
  }),
);

function simulate(skews: readonly number[], ops: readonly Op[]): Change[] {
  let now = T0;
  const clocks = skews.map((skew, d) => new HlcClock(`dev-${d}`, () => now + skew));
  const seqs = skews.map(() => 0);
  const changes: Change[] = [];
  const emit = (d: number, record: number, field: string, value: Json) => {
    const clock = clocks[d] as HlcClock;
    seqs[d] = (seqs[d] ?? 0) + 1;
    const recordId = `r${record}`;
    changes.push({
      deviceId: clock.deviceId,
      seq: seqs[d],
      hlc: clock.tick(),
      collection: 'activities',
      recordId,
      field,
      value,
      author: 'x',
    });
  };
  for (const op of ops) {
    now += op.step;
    // A write of _deleted is the `false` a new record's first save carries.
    if (op.kind === 'write')
      emit(op.device, op.record, op.field, op.field === '_deleted' ? false : op.value);
    else if (op.kind === 'delete') emit(op.device, op.record, '_deleted', true);
    else clocks[op.device]?.receive((clocks[op.from] as HlcClock).current);
  }
  return changes;
}

const sortedByHlc = (changes: readonly Change[]) =>
  [...changes].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));

describe('merge properties', () => {
  it(
    'brings every receiver to the same state, whatever order, duplicates and losses, as applying all changes once by HLC',
    () => {
      fc.assert(
        fc.property(worldArb, ({ skews, ops, receivers }) => {
          const all = simulate(skews, ops);
          const reference: Store = new Map();
          mergeInto(reference, sortedByHlc(all));
          const expected = expectedState(all);
          expectSameState(snapshot(reference), expected);
          for (const seed of receivers) {
            const store: Store = new Map();
            for (const batch of deliveries(all, seed)) {
              const result = mergeInto(store, batch);
              const refused = result.results.find((r) => r.outcome === 'refused');
              if (refused) expect(refused).toBeUndefined();
            }
            expectSameState(snapshot(store), expected);
          }
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  // Direct changes from a tiny space of stamps, records and fields, so that ties, reused
  // stamps and tombstone races are common.
  const changeArb: fc.Arbitrary<Change> = fc
    .record({
      deviceId: fc.constantFrom('a', 'b', 'c'),
      wall: fc.nat({ max: 4 }),
      counter: fc.nat({ max: 1 }),
      recordId: fc.constantFrom('r1', 'r2'),
      field: fc.constantFrom('data.notes', 'data.count', 'officerId', 'review.status', '_deleted'),
      value: valueArb,
      seq: fc.integer({ min: 1, max: 9 }),
      deletes: fc.boolean(),
    })
    .map(({ wall, counter, deletes, ...c }) => ({
      ...c,
      hlc: encodeHlc({ wall: T0 + wall, counter, deviceId: c.deviceId }),
      collection: 'activities' as const,
      value: c.field === '_deleted' ? deletes : c.value,
      author: 'x',
    }));

  it(
    'changes nothing when the same changes are merged a second time',
    () => {
      fc.assert(
        fc.property(fc.array(changeArb, { maxLength: 25 }), (changes) => {
          const store: Store = new Map();
          mergeInto(store, changes);
          const once = snapshot(store);
          const again = mergeInto(store, changes);
          expect(again.records.size).toBe(0);
          expect(
            again.results.every((r) => r.outcome === 'unchanged' || r.outcome === 'stale'),
          ).toBe(true);
          expectSameState(snapshot(store), once);
          const doubled: Store = new Map();
          mergeInto(doubled, [...changes, ...changes]);
          expectSameState(snapshot(doubled), once);
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'gives the same state for any permutation of the same changes, in one batch or split',
    () => {
      const permuted = fc
        .array(changeArb, { maxLength: 25 })
        .chain((changes) =>
          fc.tuple(
            fc.constant(changes),
            fc.shuffledSubarray(changes, { minLength: changes.length }),
            fc.nat({ max: 25 }),
          ),
        );
      fc.assert(
        fc.property(permuted, ([changes, shuffled, cut]) => {
          const one: Store = new Map();
          mergeInto(one, changes);
          const other: Store = new Map();
          mergeInto(other, shuffled.slice(0, cut));
          mergeInto(other, shuffled.slice(cut));
          expectSameState(snapshot(other), snapshot(one));
          expectSameState(snapshot(one), expectedState(changes));
        }),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

// ---- with authorization: officers, a team lead and HQ, some of them forging ----

const SCOPES: Record<string, SenderScope> = {
  'dev-o1': { role: 'officer', officerId: 'o1', postCode: 'P1' },
  'dev-o2': { role: 'officer', officerId: 'o2', postCode: 'P2' },
  'dev-lead': { role: 'lead', officerId: 'lead', posts: ['P1'] },
  'dev-hq': { role: 'hq', userId: 'hq' },
};
const DEVICES = Object.keys(SCOPES);
const AUTHOR: Record<string, string> = {
  'dev-o1': 'o1',
  'dev-o2': 'o2',
  'dev-lead': 'lead',
  'dev-hq': 'hq',
};
/** The post each sender would claim a record in (HQ has none). */
const OWN_POST: Record<string, string> = {
  'dev-o1': 'P1',
  'dev-o2': 'P2',
  'dev-lead': 'P1',
  'dev-hq': 'HQ',
};
/** Each record's owner and post; a record id never collides across officers. */
const RECORDS = [
  { id: 'a0', device: 'dev-o1', post: 'P1' },
  { id: 'a1', device: 'dev-o1', post: 'P1' },
  { id: 'b0', device: 'dev-o2', post: 'P2' },
];

type RoleOp = {
  device: number;
  record: number;
  kind: 'edit' | 'delete' | 'review' | 'recreate' | 'spoof' | 'claim';
  value: Json;
  step: number;
  /** For 'spoof' and 'claim': which forgery (see simulateRoles). */
  variant: number;
};

const roleOpArb: fc.Arbitrary<RoleOp> = fc.record({
  device: fc.nat({ max: DEVICES.length - 1 }),
  record: fc.nat({ max: RECORDS.length - 1 }),
  kind: fc.constantFrom('edit', 'edit', 'review', 'review', 'delete', 'recreate', 'spoof', 'claim'),
  value: valueArb,
  step: fc.integer({ min: 0, max: 3 }),
  variant: fc.nat({ max: 3 }),
});

/** The changes, and which of them the rules must let through. */
function simulateRoles(ops: readonly RoleOp[]): { all: Change[]; legit: Change[] } {
  let now = T0;
  const clocks = new Map(DEVICES.map((d) => [d, new HlcClock(d, () => now)]));
  const seqs = new Map(DEVICES.map((d) => [d, 0]));
  const all: Change[] = [];
  const legit: Change[] = [];
  const emit = (
    device: string,
    recordId: string,
    field: string,
    value: Json,
    allowed: boolean,
    author = AUTHOR[device] ?? '',
  ) => {
    const seq = (seqs.get(device) ?? 0) + 1;
    seqs.set(device, seq);
    const hlc = (clocks.get(device) as HlcClock).tick();
    const c: Change = {
      deviceId: device,
      seq,
      hlc,
      collection: 'activities',
      recordId,
      field,
      value,
      author,
    };
    all.push(c);
    if (allowed) legit.push(c);
  };
  const create = (r: (typeof RECORDS)[number]) => {
    emit(r.device, r.id, 'officerId', AUTHOR[r.device] ?? '', true);
    emit(r.device, r.id, 'postCode', r.post, true);
    emit(r.device, r.id, 'type', 'liaison', true);
    emit(r.device, r.id, '_deleted', false, true);
  };
  RECORDS.forEach(create);
  for (const op of ops) {
    now += op.step;
    const device = DEVICES[op.device] as string;
    const r = RECORDS[op.record] as (typeof RECORDS)[number];
    const owner = device === r.device;
    const own = AUTHOR[device] ?? '';
    const ownerId = AUTHOR[r.device] ?? '';
    if (op.kind === 'recreate') {
      if (owner) create(r);
    } else if (op.kind === 'spoof') {
      // Ownership writes under someone else's name (the record's owner or a stranger),
      // claiming the record for the sender or its owner, then data under the sender's own
      // name: the claim must count for nothing, so the data waits for the real record.
      const author = op.variant % 2 === 0 ? 'someone-else' : ownerId;
      const claimedBy = op.variant < 2 ? own : ownerId;
      const claimedPost = op.variant < 2 ? (OWN_POST[device] ?? '') : r.post;
      emit(device, r.id, 'officerId', claimedBy, owner && author === own, author);
      emit(device, r.id, 'postCode', claimedPost, owner && author === own, author);
      emit(device, r.id, 'data.notes', op.value, owner);
    } else if (op.kind === 'claim') {
      // Under the sender's own name, a claim of another officer's record id for its owner,
      // in its post or in a post that is nobody's: refused wherever it arrives. Never the
      // sender's own id: own officerId and own post, even from two separate claims, is a
      // valid creation, and two valid creations of one id are the documented
      // first-creator-wins limit. The owner itself just recreates its record.
      if (owner) create(r);
      else {
        emit(device, r.id, 'officerId', ownerId, false);
        emit(device, r.id, 'postCode', op.variant % 2 === 0 ? r.post : 'P9', false);
        emit(device, r.id, 'data.notes', op.value, false);
      }
    } else if (op.kind === 'edit') emit(device, r.id, 'data.notes', op.value, owner);
    else if (op.kind === 'delete') emit(device, r.id, '_deleted', true, owner);
    else {
      const role = SCOPES[device]?.role;
      emit(
        device,
        r.id,
        'review.status',
        op.value,
        role === 'hq' || (role === 'lead' && r.post === 'P1'),
      );
    }
  }
  return { all, legit };
}

/** Imports batches from one sender at a time; deferred changes wait and are tried again. */
function receiveWithRules(all: readonly Change[], seed: number): Store {
  const store: Store = new Map();
  let parked: Change[] = [];
  const importFrom = (device: string, batch: readonly Change[]) => {
    const result = mergeInto(store, batch, {
      authorize: makeAuthorizer(SCOPES[device] as SenderScope),
    });
    return result.results.filter((r) => r.outcome === 'deferred').map((r) => r.change);
  };
  const retryParked = () => {
    if (parked.length === 0) return;
    for (let before = Infinity; parked.length < before;) {
      before = parked.length;
      parked = DEVICES.flatMap((d) =>
        importFrom(
          d,
          parked.filter((c) => c.deviceId === d),
        ),
      );
    }
  };
  for (const batch of deliveries(all, seed)) {
    for (const device of DEVICES) {
      const fromDevice = batch.filter((c) => c.deviceId === device);
      if (fromDevice.length > 0) parked.push(...importFrom(device, fromDevice));
    }
    retryParked();
  }
  if (parked.length > 0) expect(parked).toEqual([]);
  return store;
}

describe('merge properties with authorization', () => {
  it(
    'brings every receiver to the state of the permitted changes alone, forged ones refused',
    () => {
      fc.assert(
        fc.property(
          fc.array(roleOpArb, { maxLength: 25 }),
          fc.array(fc.integer(), { minLength: 3, maxLength: 3 }),
          (ops, seeds) => {
            const { all, legit } = simulateRoles(ops);
            const expected = expectedState(legit);
            for (const seed of seeds)
              expectSameState(snapshot(receiveWithRules(all, seed)), expected);
          },
        ),
        RUNS,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

// ---- clocks far ahead: held until the receiver's clock catches up ----

const DAY_MS = 86_400_000;

describe('merge properties with a clock check', () => {
  it(
    'never lets a change stamped beyond the skew apply early, and every receiver ends in the same state once clocks catch up',
    () => {
      const receiverArb = fc.record({
        seed: fc.integer(),
        // Where this receiver's own clock starts, and how far it moves between batches: it
        // may sit still, creep, or jump days at once.
        start: fc.integer({ min: -DAY_MS, max: DAY_MS }),
        steps: fc.array(
          fc.oneof(fc.constant(0), fc.nat({ max: 10 }), fc.nat({ max: 2 * DAY_MS })),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
      });
      fc.assert(
        fc.property(
          worldArb,
          fc.array(receiverArb, { minLength: 2, maxLength: 3 }),
          ({ skews, ops }, receivers) => {
            const all = simulate(skews, ops);
            const wallOf = (c: Change) => decodeHlc(c.hlc)?.wall ?? 0;
            for (const { seed, start, steps } of receivers) {
              const store: Store = new Map();
              const received: Change[] = [];
              let held: Change[] = [];
              let now = T0 + start;
              const deliver = (batch: readonly Change[]) => {
                received.push(...batch);
                const result = mergeInto(store, [...held, ...batch], {
                  clockCheck: { nowMs: now, maxDriftMs: DAY_MS },
                });
                held = result.results
                  .filter((r) => r.outcome === 'deferred' && r.refusal.code === 'clock-ahead')
                  .map((r) => r.change);
                // What the receiver holds is exactly the changes whose time has come.
                expectSameState(
                  snapshot(store),
                  expectedState(received.filter((c) => wallOf(c) <= now + DAY_MS)),
                );
              };
              deliveries(all, seed).forEach((batch, i) => {
                now += steps[i % steps.length] ?? 0;
                deliver(batch);
              });
              // The receiver's clock reaches the latest stamp: a retry applies what was held.
              now = Math.max(now, ...all.map(wallOf));
              deliver([]);
              expect(held).toEqual([]);
              expectSameState(snapshot(store), expectedState(all));
            }
          },
        ),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('merge properties across app versions', () => {
  // Paths a newer app syncs and this one does not (a review thread, a link to a case).
  const NEWER_PATHS = ['review.thread.c1', 'review.thread.c2', 'links.case'];
  const newerKnows = (collection: 'activities', field: string) =>
    isSyncedField(collection, field) || NEWER_PATHS.includes(field);
  const newerOps = (devices: number): fc.Arbitrary<Op> =>
    fc.oneof(
      { weight: 3, arbitrary: opArb(devices) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('write' as const),
          device: fc.nat({ max: devices - 1 }),
          record: fc.nat({ max: 2 }),
          field: fc.constantFrom(...NEWER_PATHS),
          value: valueArb,
          step: fc.integer({ min: 0, max: 3 }),
        }),
      },
    );
  const mixedWorld = fc.integer({ min: 3, max: 4 }).chain((devices) =>
    fc.record({
      ops: fc.array(newerOps(devices), { maxLength: 30 }),
      skews: fc.constant(Array.from({ length: devices }, () => 0)),
      receivers: fc.array(fc.integer(), { minLength: 2, maxLength: 2 }),
    }),
  );

  it(
    'loses nothing a newer version wrote: an older receiver keeps it aside, never refused, and once updated ends where a newer receiver is',
    () => {
      fc.assert(
        fc.property(mixedWorld, ({ skews, ops, receivers }) => {
          const all = simulate(skews, ops);
          const newer: Store = new Map();
          mergeInto(newer, sortedByHlc(all), { knownField: newerKnows });
          for (const seed of receivers) {
            const older: Store = new Map();
            // What the older version keeps aside (exchangeDeferred in the app).
            const keptAside = new Map<string, Change>();
            for (const batch of deliveries(all, seed)) {
              const result = mergeInto(older, batch);
              for (const r of result.results) {
                if (r.outcome === 'refused') expect(r).toBeUndefined();
                if (r.outcome === 'deferred') {
                  expect(r.refusal.code).toBe('newer-path');
                  keptAside.set(`${r.change.deviceId}/${r.change.seq}`, r.change);
                }
              }
            }
            // Before the update the older receiver holds exactly the paths it knows.
            const known = Object.fromEntries(
              Object.entries(snapshot(newer)).map(([key, fields]) => [
                key,
                Object.fromEntries(
                  Object.entries(fields).filter(([path]) => !NEWER_PATHS.includes(path)),
                ),
              ]),
            );
            for (const [key, fields] of Object.entries(snapshot(older)))
              expect(fields).toEqual(known[key]);
            // The update: the same receiver now knows the paths and retries what it kept.
            const retried = mergeInto(older, [...keptAside.values()], { knownField: newerKnows });
            expect(retried.results.some((r) => r.outcome === 'refused')).toBe(false);
            expectSameState(snapshot(older), snapshot(newer));
          }
        }),
        { numRuns: 300 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
