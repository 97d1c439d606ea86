// Which screens each role opens, and the routes that reach them.
import { describe, expect, it } from 'vitest';
import { canOpen, logsOwnEntries } from '../../../renderer/src/kernel/roles.ts';
import { parseHash, viewToHash, type View } from '../../../renderer/src/kernel/router.ts';

describe('roles', () => {
  it('gives an officer its log and sync, not review, summaries or the network', () => {
    for (const view of ['list', 'new', 'detail', 'edit', 'sync', 'settings'] as const)
      expect(canOpen('officer', view), view).toBe(true);
    for (const view of ['review', 'summaries', 'network'] as const)
      expect(canOpen('officer', view), view).toBe(false);
  });

  it('adds review and summaries for a team lead, and the network screens only for HQ', () => {
    expect(canOpen('lead', 'review')).toBe(true);
    expect(canOpen('lead', 'summaries')).toBe(true);
    expect(canOpen('lead', 'network')).toBe(false);
    expect(canOpen('hq', 'network')).toBe(true);
    expect(canOpen('hq', 'new')).toBe(false);
    expect(logsOwnEntries('hq')).toBe(false);
    expect(logsOwnEntries('lead')).toBe(true);
  });
});

describe('routes of the new screens', () => {
  it('round-trips every single-word screen through the hash', () => {
    const views: View[] = [
      { name: 'sync' },
      { name: 'review' },
      { name: 'summaries' },
      { name: 'network' },
      { name: 'settings' },
    ];
    for (const view of views) expect(parseHash(viewToHash(view))).toEqual(view);
    expect(parseHash('#/nonsense')).toEqual({ name: 'list' });
  });
});
