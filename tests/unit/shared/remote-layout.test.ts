// The relay's layout and sync plan: names carry the bundle id (so nothing is sent twice),
// temp and foreign files are never imported, acknowledged bundles are pruned, backoff grows.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  backoffDelay,
  failureOfStatus,
  inboxDir,
  isTempName,
  outboxDir,
  parseRemoteName,
  planInbox,
  planOutboxPrune,
  planPull,
  planUploads,
  pullKey,
  remoteBundleName,
  tempName,
  waitsForPerson,
} from '../../../shared/remote/index.ts';

const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);

describe('remote layout', () => {
  it('names a bundle so its id and seqs read back from the name', () => {
    const name = remoteBundleName('BOG_lo-bogota-1_2025-04-10_seq-12-40.llb', 'abc_D-9');
    expect(name).toBe('BOG_lo-bogota-1_2025-04-10_seq-12-40__abc_D-9.llb');
    expect(parseRemoteName(name)).toEqual({
      stem: 'BOG_lo-bogota-1_2025-04-10_seq-12-40',
      bundleId: 'abc_D-9',
      seqs: { from: 12, to: 40 },
    });
    expect(parseRemoteName(remoteBundleName('x_seq-7.llb', 'id'))?.seqs).toEqual({
      from: 7,
      to: 7,
    });
  });

  it('reads back any bundle id and file name it wrote (property)', () => {
    fc.assert(
      fc.property(idArb, fc.string({ maxLength: 80 }), (id, file) => {
        return parseRemoteName(remoteBundleName(`${file}.llb`, id))?.bundleId === id;
      }),
    );
  });

  it('never takes a temp name, a hidden file or another extension for a bundle', () => {
    const real = remoteBundleName('a_seq-1.llb', 'id1');
    expect(isTempName(tempName(real, 'n0nce!'))).toBe(true);
    expect(parseRemoteName(tempName(real, 'n0nce'))).toBeNull();
    expect(parseRemoteName('notes.txt')).toBeNull();
    expect(parseRemoteName('a_seq-1.llb')).toBeNull();
    expect(parseRemoteName('.hidden__id.llb')).toBeNull();
  });

  it('refuses a device id that would leave its folder', () => {
    expect(outboxDir('lo-bogota-1')).toBe('outbox/lo-bogota-1');
    expect(inboxDir('hq.1')).toBe('inbox/hq.1');
    for (const bad of ['..', '../x', 'a/b', '', '.x', 'a b'])
      expect(() => outboxDir(bad)).toThrow();
  });
});

describe('sync plan', () => {
  const p = (remoteName: string) => ({ remoteName });

  it('uploads only what the server does not list, and clears stale temps', () => {
    const a = p(remoteBundleName('a_seq-1.llb', 'A'));
    const b = p(remoteBundleName('a_seq-2.llb', 'B'));
    const plan = planUploads([a, b], [b.remoteName, tempName(a.remoteName, 'x')]);
    expect(plan.upload).toEqual([a]);
    expect(plan.alreadyThere).toEqual([b]);
    expect(plan.staleTemps).toEqual([tempName(a.remoteName, 'x')]);
  });

  it('prunes own outbox files once acknowledged, not before', () => {
    const one = remoteBundleName('a_seq-1-3.llb', 'A');
    const two = remoteBundleName('a_seq-4-9.llb', 'B');
    expect(planOutboxPrune([one, two, 'foreign.txt'], 3)).toEqual([one]);
    expect(planOutboxPrune([one, two], 0)).toEqual([]);
  });

  it('applies inbox bundles and sets foreign files aside, skipping temps', () => {
    const r = remoteBundleName('receipt.llb', 'R');
    expect(planInbox(['junk.bin', tempName(r, 'x'), r])).toEqual({
      apply: [r],
      foreign: ['junk.bin'],
    });
  });

  it('orders HQ’s profile copies by version number, before bundles', () => {
    const r = 'BOG_lo-1_seq-1-2__k3j9x.llb';
    const v = (n: number) => `liaison-log-network-v${n}__profile-v${n}.llprofile`;
    expect(planInbox([v(10), r, v(9), v(100), v(2)]).apply).toEqual([v(2), v(9), v(10), v(100), r]);
  });

  it('pulls every outbox file not yet imported, whatever the order listed (property)', () => {
    fc.assert(
      fc.property(
        // A folder never lists one name twice: unique by device and id, not by tuple identity
        // (seed -1428253092 drew ["d1","_"] twice).
        fc.uniqueArray(fc.tuple(fc.constantFrom('d1', 'd2', 'd3'), idArb), {
          maxLength: 20,
          selector: ([device, id]) => `${device}/${id}`,
        }),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        (files, seen) => {
          const outboxes = new Map<string, string[]>();
          const imported = new Set<string>();
          const expected = new Set<string>();
          files.forEach(([device, id], i) => {
            const name = remoteBundleName('x_seq-1.llb', id);
            outboxes.set(device, [...(outboxes.get(device) ?? []), name]);
            if (seen[i]) imported.add(pullKey(device, name));
            else expected.add(pullKey(device, name));
          });
          const got = planPull(outboxes, imported).map((f) => pullKey(f.deviceId, f.name));
          return got.length === expected.size && got.every((k) => expected.has(k));
        },
      ),
    );
  });
});

describe('failures and backoff', () => {
  it('reads HTTP statuses as plain failures; only wrong credentials wait for a person', () => {
    expect(failureOfStatus(undefined)).toBe('offline');
    expect(failureOfStatus(401)).toBe('auth');
    expect(failureOfStatus(403)).toBe('auth');
    expect(failureOfStatus(507)).toBe('full');
    expect(failureOfStatus(423)).toBe('busy');
    expect(failureOfStatus(412)).toBe('busy');
    expect(failureOfStatus(404)).toBe('missing');
    expect(failureOfStatus(502)).toBe('server');
    expect(waitsForPerson('auth')).toBe(true);
    expect(waitsForPerson('server')).toBe(false);
  });

  it('doubles the wait up to the cap, jittered between half and whole (property)', () => {
    const s = { baseMs: 1000, maxMs: 60_000 };
    expect(backoffDelay(1, 1, s)).toBe(1000);
    expect(backoffDelay(3, 1, s)).toBe(4000);
    expect(backoffDelay(3, 0, s)).toBe(2000);
    expect(backoffDelay(50, 1, s)).toBe(60_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, r) => {
          const d = backoffDelay(n, r, s);
          const cap = Math.min(s.maxMs, s.baseMs * 2 ** (n - 1));
          return d >= cap / 2 - 1 && d <= cap + 1;
        },
      ),
    );
  });
});
