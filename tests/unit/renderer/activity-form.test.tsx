import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { CATALOGUE, getActivityType } from '../../../shared/domain/catalogue.ts';
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import { ServicesProvider } from '../../../renderer/src/kernel/services.tsx';
import {
  ActivityForm,
  type ActivityFormProps,
} from '../../../renderer/src/features/log/ActivityForm.tsx';
import { ActivityDetail } from '../../../renderer/src/features/log/ActivityDetail.tsx';
import { EditActivity } from '../../../renderer/src/features/log/EditActivity.tsx';
import { makeSession } from '../../../renderer/src/kernel/session.ts';
import { type Role } from '../../../shared/identity/schemas.ts';
import {
  createActivity,
  loadDraft,
  openDatabase,
  saveDraft,
  type LiaisonDb,
} from '../../../renderer/src/db/index.ts';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser.ts';
import { testSealer, unlockedSession } from './db-fixtures.ts';

let counter = 0;
async function renderForm(
  type: ActivityTypeDef,
  overrides: Partial<ActivityFormProps> = {},
  lang: 'en' | 'fr' = 'en',
  seed?: (db: LiaisonDb) => Promise<unknown>,
) {
  const db: LiaisonDb = await openDatabase(`form-test-${++counter}`);
  const vault = await unlockedSession(db);
  await seed?.(db);
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

  it('turns spellcheck off for every sensitive field, text boxes and text areas alike', async () => {
    const type = getActivityType('interdiction');
    await renderForm(type);
    const sensitive = type.fields.filter((f) => f.sensitive);
    expect(sensitive.map((f) => f.kind)).toEqual(expect.arrayContaining(['text', 'longtext']));
    for (const field of sensitive) {
      const control = document.getElementById(`field-${field.name}`);
      expect(control?.getAttribute('spellcheck'), field.name).toBe('false');
    }
    expect(document.getElementById('field-notes')?.tagName).toBe('TEXTAREA');
    // Fields without personal information keep the person's spellcheck.
    const plain = type.fields.find((f) => !f.sensitive && f.kind === 'text');
    expect(
      document.getElementById(`field-${plain?.name ?? ''}`)?.getAttribute('spellcheck'),
    ).not.toBe('false');
  });
});

describe('a stored draft that cannot be opened', () => {
  /** A draft sealed under another data key: this window's key cannot open it. */
  const seedForeignDraft = async (db: LiaisonDb) =>
    saveDraft(
      db,
      { id: 'new:training', type: 'training', values: { data: { organization: 'Old draft' } } },
      await testSealer(),
    );

  it('says so, keeps the draft through Cancel, and replaces it only once the person types', async () => {
    const onCancel = vi.fn();
    const { db, vault } = await renderForm(
      getActivityType('training'),
      { onCancel },
      'en',
      seedForeignDraft,
    );
    const stored = await db.drafts.get('new:training');
    expect(await screen.findByText(/A draft saved for this form could not be opened/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>(/^Organization/).value).toBe('');

    // Past the autosave delay, untouched: the draft is exactly as it was.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await db.drafts.get('new:training')).toEqual(stored);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(await db.drafts.get('new:training')).toEqual(stored);

    // Typing is the person's choice to start over: the new draft replaces the old one.
    await userEvent.type(screen.getByLabelText(/^Organization/), 'New text');
    await waitFor(
      async () =>
        expect(await loadDraft(db, 'new:training', vault.sealer)).toMatchObject({
          values: { data: { organization: 'New text' } },
        }),
      { timeout: 2000 },
    );
  });

  it('is removed only when the person discards it, in French too', async () => {
    const { db } = await renderForm(getActivityType('training'), {}, 'fr', seedForeignDraft);
    expect(
      await screen.findByText(/Un brouillon enregistré pour ce formulaire n’a pas pu être ouvert/),
    ).toBeTruthy();
    expect(await db.drafts.get('new:training')).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: 'Supprimer le brouillon' }));
    await waitFor(async () => expect(await db.drafts.get('new:training')).toBeUndefined());
    expect(screen.queryByText(/n’a pas pu être ouvert/)).toBeNull();
  });
});

describe('who may edit or delete a record', () => {
  const OFFICER = { deviceId: 'officer-laptop', officerId: 'LO-0042', postCode: 'BOG' };

  /** A record by LO-0042, shown on the device of `role` `officerId`. */
  async function renderScreen(screenName: 'detail' | 'edit', role: Role, officerId: string) {
    const db = await openDatabase(`owner-test-${++counter}`);
    const vault = await unlockedSession(db);
    const record = await createActivity(
      db,
      OFFICER,
      { type: 'liaison', schemaVersion: 1, occurredOn: '2026-05-01', data: { subject: 'Visit' } },
      { sealer: vault.sealer },
    );
    const session = makeSession({
      deviceId: 'this-device',
      networkId: 'net',
      role,
      officerId,
      name: 'Someone',
      ...(role === 'officer' ? { postCode: 'BOG' } : { posts: ['BOG'] }),
      demo: false,
      createdAt: '2026-05-01T00:00:00.000Z',
    });
    const Screen = screenName === 'detail' ? ActivityDetail : EditActivity;
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ServicesProvider
          value={{ db, platform: createBrowserPlatform(), deviceId: 'this-device', vault }}
        >
          <Screen id={record.id} session={session} />
        </ServicesProvider>
      </I18nextProvider>,
    );
  }

  it('offers Edit and Delete to the record’s own officer', async () => {
    await renderScreen('detail', 'officer', 'LO-0042');
    expect(await screen.findByRole('button', { name: 'Edit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it.each([
    ['a team lead', 'lead', 'lead-andes'],
    ['HQ', 'hq', 'hq-nadia'],
    ['another officer', 'officer', 'LO-0077'],
  ] as const)('offers neither to %s', async (_who, role, officerId) => {
    await renderScreen('detail', role, officerId);
    expect(await screen.findByRole('button', { name: 'Back to the log' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('shows the not-yours notice instead of the form when the edit is reached by address', async () => {
    await renderScreen('edit', 'lead', 'lead-andes');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This entry belongs to another officer: only they can change or delete it.',
    );
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(document.getElementById('occurredOn')).toBeNull();
  });
});
