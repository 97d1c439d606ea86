// A toast about a screen (an export's "Saved as …") stays on that screen; one about what was
// done ("Activity saved.") follows the person to where the action took them.
import { afterEach, describe, expect, it } from 'vitest';
import { useUi } from '../../../renderer/src/kernel/store.ts';

const ui = () => useUi.getState();

afterEach(() => {
  ui().clearToast();
  ui().navigate({ name: 'list' });
});

describe('toasts across screens', () => {
  it('takes an export’s toast away when the screen is left, by the menu or the browser', () => {
    ui().navigate({ name: 'summaries' });
    ui().showToast({ kind: 'ok', key: 'summaries.exported', ofScreen: true });
    // Staying on the screen (the address catching up) keeps it.
    ui().navigate({ name: 'summaries' });
    ui().syncFromLocation();
    expect(ui().toast?.key).toBe('summaries.exported');
    ui().navigate({ name: 'list' });
    expect(ui().toast).toBeNull();

    ui().navigate({ name: 'summaries' });
    ui().showToast({ kind: 'ok', key: 'summaries.exported', ofScreen: true });
    location.hash = '#/sync';
    ui().syncFromLocation();
    expect(ui().toast).toBeNull();

    ui().navigate({ name: 'list' });
    ui().showToast({ kind: 'ok', key: 'logExport.saved', ofScreen: true });
    ui().openEntryFrom('e1', { name: 'list' });
    expect(ui().toast).toBeNull();
  });

  it('keeps any other toast across a change of screen', () => {
    ui().navigate({ name: 'new' });
    ui().showToast({ kind: 'ok', key: 'form.saved' });
    ui().navigate({ name: 'list' });
    expect(ui().toast?.key).toBe('form.saved');
    location.hash = '#/sync';
    ui().syncFromLocation();
    expect(ui().toast?.key).toBe('form.saved');
  });
});
