import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { CATALOGUE, getActivityType } from '../../../shared/domain/catalogue.ts';
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider } from '../../../renderer/src/app/services.tsx';
import {
  ActivityForm,
  type ActivityFormProps,
} from '../../../renderer/src/features/log/ActivityForm.tsx';
import { loadDraft, openDatabase, type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser.ts';
import { unlockedSession } from './db-fixtures.ts';

let counter = 0;
async function renderForm(
  type: ActivityTypeDef,
  overrides: Partial<ActivityFormProps> = {},
  lang: 'en' | 'fr' = 'en',
) {
  const db: LiaisonDb = await openDatabase(`form-test-${++counter}`);
  const vault = await unlockedSession(db);
  const onSave = vi.fn(() => Promise.resolve(true));
  const onSaved = vi.fn();
  render(
    <I18nextProvider i18n={createI18n(lang)}>
      <ServicesProvider
        value={{ db, platform: createBrowserPlatform(), deviceId: 'dev-test', vault }}
      >
        <ActivityForm
          type={type}
          initial={{ occurredOn: '2026-05-04', data: {} }}
          draftId={`new:${type.id}`}
          today="2026-05-04"
          heading="Form"
          onSave={onSave}
          onSaved={onSaved}
          onCancel={() => undefined}
          {...overrides}
        />
      </ServicesProvider>
    </I18nextProvider>,
  );
  return { db, vault, onSave, onSaved };
}

afterEach(() => cleanup());

describe('the activity form', () => {
  it.each(CATALOGUE.map((t) => [t.id, t] as const))(
    'renders one labelled control per catalogue field of %s',
    async (_id, type) => {
      await renderForm(type);
      for (const field of type.fields) {
        if (field.kind === 'multiselect') {
          expect(screen.getByRole('group', { name: new RegExp(field.label.en) })).toBeTruthy();
        } else {
          const control = document.getElementById(`field-${field.name}`);
          expect(control, field.name).not.toBeNull();
          expect(
            screen.getAllByLabelText(new RegExp(`^${field.label.en.replace(/[()]/g, '.')}`)),
          ).toContain(control);
        }
      }
    },
  );

  it('shows a field added to the catalogue without any new screen code', async () => {
    const liaison = getActivityType('liaison');
    const extended: ActivityTypeDef = {
      ...liaison,
      fields: [
        ...liaison.fields,
        {
          name: 'venue',
          kind: 'text',
          label: { en: 'Venue', fr: 'Lieu' },
          required: false,
          sensitive: false,
        },
      ],
    };
    await renderForm(extended, {}, 'fr');
    expect(screen.getByLabelText('Lieu')).toBeTruthy();
  });

  it('saves nothing and explains each problem when required fields are empty', async () => {
    const { onSave } = await renderForm(getActivityType('training'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Please correct 2 fields.')).toBeTruthy();
    expect(screen.getAllByText('This field is required.')).toHaveLength(2);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('hands the normalised entry to onSave and drops the draft after saving', async () => {
    const { db, vault, onSave, onSaved } = await renderForm(getActivityType('training'));
    await userEvent.selectOptions(screen.getByLabelText(/^Audience/), 'airline-staff');
    await userEvent.type(screen.getByLabelText(/^People trained/), '12');
    await waitFor(
      async () => expect(await loadDraft(db, 'new:training', vault.sealer)).toBeDefined(),
      {
        timeout: 2000,
      },
    );
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(false));
    expect(onSave).toHaveBeenCalledWith({
      occurredOn: '2026-05-04',
      data: expect.objectContaining({ audience: 'airline-staff', peopleTrained: 12 }) as unknown,
      // Only what the person touched counts as changed (an edit writes only these).
      changed: {
        occurredOn: false,
        data: expect.arrayContaining(['audience', 'peopleTrained']) as unknown,
      },
    });
    expect(await loadDraft(db, 'new:training', vault.sealer)).toBeUndefined();
  });
});
