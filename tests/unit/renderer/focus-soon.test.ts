// focusSoon: focus lands on an element that appears frames later, not on one that never
// does, and never where the person has moved in the meantime.
import { afterEach, describe, expect, it } from 'vitest';
import { focusSoon } from '../../../renderer/src/ui/focus.ts';

function frames(n: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) => {
      if (left === 0) resolve();
      else requestAnimationFrame(() => step(left - 1));
    };
    step(n);
  });
}

function button(id: string): HTMLButtonElement {
  const el = document.createElement('button');
  el.id = id;
  document.body.append(el);
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('focusSoon', () => {
  it('focuses an element that appears several frames after the call', async () => {
    focusSoon(() => document.getElementById('late'));
    await frames(3);
    expect(document.activeElement).toBe(document.body);
    const late = button('late');
    await frames(2);
    expect(document.activeElement).toBe(late);
  });

  it('stops looking once its time is up', async () => {
    focusSoon(() => document.getElementById('never-in-time'), { lookMs: 0 });
    await frames(2);
    const late = button('never-in-time');
    await frames(3);
    expect(document.activeElement).not.toBe(late);
  });

  it('leaves the focus where the person moved it', async () => {
    const other = button('other');
    other.focus();
    focusSoon(() => document.getElementById('target'), {
      stillWanted: () => document.activeElement === document.body,
    });
    const target = button('target');
    await frames(3);
    expect(document.activeElement).toBe(other);
    expect(document.activeElement).not.toBe(target);
  });

  it('stops when its clean-up runs', async () => {
    const stop = focusSoon(() => document.getElementById('cancelled'));
    await frames(1);
    stop();
    const el = button('cancelled');
    await frames(3);
    expect(document.activeElement).not.toBe(el);
  });
});
