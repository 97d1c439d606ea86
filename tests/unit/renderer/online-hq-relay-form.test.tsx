// HQ's relay form: plain http (to this computer) only in the demo network, refused in a real
// one with a sentence in English and French; https always taken.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { HqRelayForm } from '../../../renderer/src/features/online/HqRelayForm.tsx';

afterEach(cleanup);

function renderForm(demo: boolean, lang: 'en' | 'fr' = 'en') {
  const onSubmit = vi.fn();
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <h3 id="hq-relay-heading">relay</h3>
      <HqRelayForm relay={null} demo={demo} onSubmit={onSubmit} />
    </I18nextProvider>,
  );
  return onSubmit;
}

async function apply(url: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('checkbox'));
  await user.type(await screen.findByRole('textbox'), url);
  await user.click(screen.getByRole('button'));
}

describe('HQ’s relay form', () => {
  it('refuses http to this computer in a real network, in English and French', async () => {
    const onSubmit = renderForm(false);
    await apply('http://127.0.0.1:8080/relay/');
    expect(await screen.findByText(/allowed in the demo network only/)).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    cleanup();
    const onSubmitFr = renderForm(false, 'fr');
    await apply('http://localhost/dav/');
    expect(await screen.findByText(/permis que dans le réseau de démonstration/)).toBeTruthy();
    expect(onSubmitFr).not.toHaveBeenCalled();
  });

  it('takes https in a real network, and http to this computer in the demo network', async () => {
    const real = renderForm(false);
    await apply('https://relay.example/dav/');
    await waitFor(() =>
      expect(real).toHaveBeenCalledWith(
        expect.objectContaining({ url: 'https://relay.example/dav/' }),
      ),
    );
    cleanup();
    const demo = renderForm(true);
    await apply('http://127.0.0.1:8080/relay/');
    await waitFor(() =>
      expect(demo).toHaveBeenCalledWith(
        expect.objectContaining({ url: 'http://127.0.0.1:8080/relay/' }),
      ),
    );
  });
});
