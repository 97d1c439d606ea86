// The Summaries' place: kept when the browser goes Back or Forward to the screen (the router
// marks that view `resume`) or the same view is shown again (after the lock); forgotten when
// the menu opens it (a new view), so the menu always starts at the top.
import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useUi } from '../../../renderer/src/kernel/store.ts';
import {
  claimKeptPlace,
  useKeptState,
} from '../../../renderer/src/features/summaries/kept-place.ts';

const ui = () => useUi.getState();

afterEach(() => {
  ui().navigate({ name: 'list' });
});

describe('the summaries’ kept place', () => {
  it('comes back on Back, stays for the same view, and is forgotten from the menu', () => {
    const first = { name: 'summaries' } as const;
    expect(claimKeptPlace(first, false)).toBe('afresh');
    const hook = renderHook(() => useKeptState('hq:hq-1', 'filter', () => ({ level: 'top' })));
    const initial = hook.result.current[0];
    hook.rerender();
    // A value not kept yet keeps its identity from one render to the next.
    expect(hook.result.current[0]).toBe(initial);
    act(() => hook.result.current[1]({ level: 'post' }));
    expect(hook.result.current[0]).toEqual({ level: 'post' });
    // The same view again (the shell after the lock): kept.
    expect(claimKeptPlace(first, false)).toBe('kept');
    // Back to the screen: a new view marked resume, kept.
    expect(claimKeptPlace({ name: 'summaries', resume: true }, true)).toBe('kept');
    const back = renderHook(() => useKeptState('hq:hq-1', 'filter', () => ({ level: 'top' })));
    expect(back.result.current[0]).toEqual({ level: 'post' });
    // Another owner (another session on this page) does not see it.
    const other = renderHook(() => useKeptState('lead:l-1', 'filter', () => ({ level: 'top' })));
    expect(other.result.current[0]).toEqual({ level: 'top' });
    // The menu: a new view, not resumed: forgotten.
    expect(claimKeptPlace({ name: 'summaries' }, false)).toBe('afresh');
    const fresh = renderHook(() => useKeptState('hq:hq-1', 'filter', () => ({ level: 'top' })));
    expect(fresh.result.current[0]).toEqual({ level: 'top' });
  });

  it('is resumed by the browser’s Back or Forward, not by the menu', () => {
    ui().navigate({ name: 'summaries' });
    expect(ui().view).toEqual({ name: 'summaries' });
    ui().navigate({ name: 'list' });
    // The browser goes back: the address changes first, then the store follows it.
    location.hash = '#/summaries';
    ui().syncFromLocation();
    expect(ui().view).toEqual({ name: 'summaries', resume: true });
  });
});
