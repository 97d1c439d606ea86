// Which screens each role opens, how the shell names them, and the routes that reach them.
import { describe, expect, it } from 'vitest';
import { logsOwnEntries } from '../../../renderer/src/kernel/roles.ts';
import { parseHash, viewToHash, type View } from '../../../renderer/src/kernel/router.ts';
import {
  ROUTE_NAMES,
  canOpen,
  menuFor,
  sectionOf,
  titleKey,
} from '../../../renderer/src/app/routes.tsx';
import { createI18n } from '../../../renderer/src/i18n/index.ts';

describe('roles', () => {
  it('gives an officer its log, its own summaries and sync, not review or the network', () => {
    for (const view of ['list', 'new', 'detail', 'edit', 'summaries', 'sync', 'settings'] as const)
      expect(canOpen('officer', view), view).toBe(true);
    for (const view of ['review', 'network'] as const)
      expect(canOpen('officer', view), view).toBe(false);
  });

  it('adds review and summaries for a team lead, and the network screens only for HQ', () => {
    expect(canOpen('lead', 'review')).toBe(true);
    expect(canOpen('lead', 'summaries')).toBe(true);
    expect(canOpen('lead', 'network')).toBe(false);
    expect(canOpen('hq', 'network')).toBe(true);
    expect(canOpen('hq', 'new')).toBe(false);
    expect(canOpen('hq', 'edit')).toBe(false);
    expect(logsOwnEntries('hq')).toBe(false);
    expect(logsOwnEntries('lead')).toBe(true);
  });
});

describe('route registry', () => {
  it('builds each role’s menu from the entries, in order, without detail or edit', () => {
    expect(menuFor('officer').map((m) => m.name)).toEqual([
      'list',
      'new',
      'summaries',
      'sync',
      'settings',
    ]);
    expect(menuFor('lead').map((m) => m.name)).toEqual([
      'list',
      'new',
      'review',
      'summaries',
      'sync',
      'settings',
    ]);
    expect(menuFor('hq').map((m) => m.name)).toEqual([
      'list',
      'review',
      'summaries',
      'network',
      'sync',
      'settings',
    ]);
  });

  it('names HQ’s log the network log in the menu and the title alike', () => {
    const hqList = menuFor('hq').find((m) => m.name === 'list');
    expect(hqList?.labelKey).toBe('nav.networkLog');
    expect(titleKey('hq', 'list')).toBe('nav.networkLog');
    expect(titleKey('hq', 'detail')).toBe('nav.networkLog');
    expect(titleKey('officer', 'list')).toBe('nav.log');
    expect(sectionOf('edit')).toBe('list');
  });

  it('has a title in English and French for every screen and role', () => {
    const en = createI18n('en');
    const fr = createI18n('fr');
    for (const role of ['officer', 'lead', 'hq'] as const)
      for (const name of ROUTE_NAMES) {
        const key = titleKey(role, name);
        expect(en.exists(key), key).toBe(true);
        expect(fr.exists(key), key).toBe(true);
      }
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
