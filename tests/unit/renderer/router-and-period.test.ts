import { describe, expect, it } from 'vitest';
import { parseHash, viewToHash, type View } from '../../../renderer/src/kernel/router.ts';
import { periodRange } from '../../../renderer/src/features/log/period.ts';
import { EMPTY_FILTERS } from '../../../renderer/src/kernel/store.ts';
import { fromFormValues, toFormValues } from '../../../renderer/src/features/log/form-values.ts';
import { getActivityType } from '../../../shared/domain/catalogue.ts';
import { groupBySave } from '../../../renderer/src/features/log/history-groups.ts';
import { type Change } from '../../../shared/sync/change.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';

describe('hash router', () => {
  it('round-trips every screen through the address bar', () => {
    const views: View[] = [
      { name: 'list' },
      { name: 'new' },
      { name: 'new', type: 'interdiction' },
      { name: 'detail', id: 'abc_DEF-1' },
      { name: 'edit', id: 'abc_DEF-1' },
      { name: 'settings' },
    ];
    for (const view of views) expect(parseHash(viewToHash(view))).toEqual(view);
  });

  it('falls back to the log for anything it does not know', () => {
    expect(parseHash('#/new/not-a-type')).toEqual({ name: 'new' });
    expect(parseHash('#/activity/../../etc')).toEqual({ name: 'list' });
    expect(parseHash('#/nowhere')).toEqual({ name: 'list' });
    expect(parseHash('')).toEqual({ name: 'list' });
  });
});

describe('period filter', () => {
  const at = (period: typeof EMPTY_FILTERS.period) =>
    periodRange({ ...EMPTY_FILTERS, period }, '2026-04-01');
  it('follows the fiscal year that starts on 1 April', () => {
    expect(at('thisFy')).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(at('lastFy')).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(at('thisQuarter')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(at('thisMonth')).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(periodRange({ ...EMPTY_FILTERS, period: 'thisMonth' }, '2024-02-10')).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(at('all')).toEqual({});
  });
});

describe('form values', () => {
  it('turns inputs into record data: numbers parsed, empty optional fields left out', () => {
    const type = getActivityType('removal');
    const values = toFormValues(type, '2026-01-02');
    values.data.removals = '3';
    values.data.assistance = ['escort'];
    values.data.escorted = true;
    values.data.destinationCountry = ' COL ';
    expect(fromFormValues(type, values)).toEqual({
      occurredOn: '2026-01-02',
      data: { removals: 3, assistance: ['escort'], escorted: true, destinationCountry: 'COL' },
    });
  });

  it('keeps a non-number typed in a count field so validation can say so', () => {
    const type = getActivityType('training');
    const values = toFormValues(type, '2026-01-02');
    values.data.peopleTrained = '1.5';
    expect(fromFormValues(type, values).data.peopleTrained).toBe('1.5');
  });
});

describe('history groups', () => {
  const change = (seq: number, wall: number, deviceId = 'dev-a', author = 'LO-1'): Change => ({
    deviceId,
    seq,
    hlc: encodeHlc({ wall, counter: seq, deviceId }),
    collection: 'activities',
    recordId: 'r1',
    field: `data.f${seq}`,
    value: seq,
    author,
  });

  it('shows the changes of one save together, and separate saves apart', () => {
    const log = [
      change(1, 1000),
      change(2, 1000),
      change(3, 1001),
      change(4, 90_000),
      change(5, 90_000, 'dev-b', 'LEAD-1'),
    ];
    expect(groupBySave(log).map((g) => g.map((c) => c.seq))).toEqual([[1, 2, 3], [4], [5]]);
  });
});
