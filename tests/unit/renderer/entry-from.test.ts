// An entry opened from the review queue goes back there: the store keeps where it was opened
// from through the entry and its edit, and forgets it on any other screen (so an entry
// opened later from the log goes back to the log).
import { afterEach, describe, expect, it } from 'vitest';
import { useUi } from '../../../renderer/src/kernel/store.ts';

afterEach(() => {
  useUi.getState().navigate({ name: 'list' });
});

describe('where an entry was opened from', () => {
  it('is kept through the entry and its edit, and dropped on another screen', () => {
    const ui = () => useUi.getState();
    ui().openEntryFrom('e1', { name: 'review', resume: true });
    expect(ui().view).toEqual({ name: 'detail', id: 'e1' });
    expect(ui().entryFrom).toEqual({ name: 'review', resume: true });
    expect(location.hash).toBe('#/activity/e1');
    ui().navigate({ name: 'edit', id: 'e1' });
    ui().navigate({ name: 'detail', id: 'e1' });
    expect(ui().entryFrom).toEqual({ name: 'review', resume: true });
    ui().navigate({ name: 'sync' });
    expect(ui().entryFrom).toBeNull();
    ui().navigate({ name: 'detail', id: 'e2' });
    expect(ui().entryFrom).toBeNull();
  });

  it('is where the browser’s Back from the entry goes, and is dropped on another screen', () => {
    const ui = () => useUi.getState();
    ui().openEntryFrom('e1', { name: 'review', resume: true });
    location.hash = '#/review';
    ui().syncFromLocation();
    // As the page's own "Back": the queue as it was left.
    expect(ui().view).toEqual({ name: 'review', resume: true });
    expect(ui().entryFrom).toBeNull();
    ui().openEntryFrom('e1', { name: 'review', resume: true });
    location.hash = '#/sync';
    ui().syncFromLocation();
    expect(ui().view).toEqual({ name: 'sync' });
    expect(ui().entryFrom).toBeNull();
  });

  it('keeps the view it set when the address catches up', () => {
    const ui = () => useUi.getState();
    ui().navigate({ name: 'review', resume: true });
    ui().syncFromLocation();
    expect(ui().view).toEqual({ name: 'review', resume: true });
  });
});
