// The words index's tokens (activityWords) and what a typed word reads from it (wordRanges):
// free text word by word, a chosen option as one token naming it, nothing sensitive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Activity } from '../../../shared/domain/activity.ts';
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import { CATALOGUE } from '../../../shared/domain/catalogue.ts';
import {
  activityWords,
  optionToken,
  tokenize,
  wordRanges,
} from '../../../renderer/src/db/words.ts';
import { testLiaison, testTraining } from './db-fixtures.ts';

const L = (en: string, fr: string) => ({ en, fr });

/** testLiaison with a multiselect and a sensitive select beside its select. */
const def: ActivityTypeDef = {
  ...testLiaison,
  fields: [
    ...testLiaison.fields,
    {
      name: 'topics',
      kind: 'multiselect',
      label: L('Topics', 'Sujets'),
      required: false,
      sensitive: false,
      options: [
        { value: 'fraud', label: L('Document fraud', 'Fraude documentaire') },
        { value: 'crisis', label: L('Crisis', 'Crise') },
        { value: 'escort', label: L('Escort', 'Escorte') },
      ],
    },
    {
      name: 'document',
      kind: 'select',
      label: L('Document', 'Document'),
      required: false,
      sensitive: true,
      options: [{ value: 'passport', label: L('Passport', 'Passeport') }],
    },
  ],
};

function entry(data: Activity['data'], over: Partial<Activity> = {}): Activity {
  return {
    id: 'a1',
    type: 'liaison',
    schemaVersion: 2,
    officerId: 'lo-1',
    postCode: 'BOG',
    occurredOn: '2025-04-01',
    data,
    review: { status: 'pending' },
    deleted: false,
    createdAt: '2025-04-01T10:00:00.000Z',
    updatedAt: '2025-04-01T10:00:00.000Z',
    ...over,
  };
}

describe('activityWords', () => {
  it('indexes a chosen option as one token naming its type, field and value', () => {
    const words = activityWords(entry({ meetings: 1, counterpart: 'airline' }), def);
    expect(words).toEqual(['=liaison.counterpart.airline']);
    expect(optionToken('liaison', 'counterpart', 'airline')).toBe('=liaison.counterpart.airline');
    // No word of its labels, in either language.
    expect(words.some((w) => /airline|compagnie|aerienne/.test(w) && !w.startsWith('='))).toBe(
      false,
    );
  });

  it('names the type in the token, so the same field and value of two types differ', () => {
    const other = { ...def, id: testTraining.id };
    const data = { counterpart: 'rcmp' };
    expect(activityWords(entry(data, { type: 'training' }), other)).toEqual([
      '=training.counterpart.rcmp',
    ]);
    expect(activityWords(entry(data), def)).toEqual(['=liaison.counterpart.rcmp']);
  });

  it('gives a multiselect one token per chosen option, each once', () => {
    const words = activityWords(entry({ topics: ['fraud', 'escort', 'fraud'] }), def);
    expect(words).toEqual(['=liaison.topics.fraud', '=liaison.topics.escort']);
    expect(activityWords(entry({ topics: [] }), def)).toEqual([]);
  });

  it('keeps free text word by word, folded and cut as before', () => {
    const long = 'x'.repeat(40);
    const words = activityWords(
      entry({ subject: 'Visite à Montréal, cœur', notes: `Straße ${long}`, counterpart: 'rcmp' }),
      def,
    );
    expect(words).toEqual([
      'visite',
      'a',
      'montreal',
      'coeur',
      'strasse',
      'x'.repeat(32),
      '=liaison.counterpart.rcmp',
    ]);
  });

  it('never indexes a sensitive field, text or option', () => {
    const words = activityWords(
      entry({
        subject: 'Open',
        travellerName: 'Gabriel Secret',
        caseNotes: 'passport 99XK',
        document: 'passport',
      }),
      def,
    );
    expect(words).toEqual(['open']);
  });

  it('gives nothing for an option value the catalogue does not list, as before', () => {
    // A newer app's option, or a value of the wrong shape: no label words then, no token now.
    expect(activityWords(entry({ counterpart: 'interpol' }), def)).toEqual([]);
    expect(activityWords(entry({ topics: ['crisis', 'unheard-of', 7] }), def)).toEqual([
      '=liaison.topics.crisis',
    ]);
    expect(activityWords(entry({ counterpart: 3 }), def)).toEqual([]);
  });

  it('gives nothing for a deleted record or an unknown type', () => {
    expect(activityWords(entry({ subject: 'x' }, { deleted: true }), def)).toEqual([]);
    expect(activityWords(entry({ subject: 'x' }), undefined)).toEqual([]);
  });

  it('makes option tokens that no typed word can equal or fall in the prefix range of', () => {
    for (const type of CATALOGUE) {
      for (const field of type.fields) {
        for (const option of field.options ?? []) {
          // A prefix range [w, w + '\uffff'] holds only keys starting with w, whose first
          // character is a letter or digit.
          expect(optionToken(type.id, field.name, option.value)[0]).toBe('=');
        }
      }
    }
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (a, b) => {
        for (const word of tokenize(a + ' ' + b)) expect(word).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});

describe('wordRanges', () => {
  const defs = [def, { ...def, id: testTraining.id }, undefined];
  const exact = (token: string) => ({ lower: token, upper: token });

  it('reads each typed word as its prefix range and the options one of whose labels match', () => {
    expect(wordRanges('compagnie', defs)).toEqual([
      [
        { lower: 'compagnie', upper: 'compagnie\uffff' },
        exact('=liaison.counterpart.airline'),
        exact('=training.counterpart.airline'),
      ],
    ]);
    // A prefix of a word of the label, in either language, typed with accents and capitals.
    expect(wordRanges('AÉRI', defs)[0]?.slice(1)).toEqual([
      exact('=liaison.counterpart.airline'),
      exact('=training.counterpart.airline'),
    ]);
    expect(wordRanges('cris', defs)[0]?.slice(1)).toEqual([
      exact('=liaison.topics.crisis'),
      exact('=training.topics.crisis'),
    ]);
  });

  it('gives one union per distinct word, with only the prefix when no label matches', () => {
    expect(wordRanges('zz, ZZ  grc', [def])).toEqual([
      [{ lower: 'zz', upper: 'zz\uffff' }],
      [{ lower: 'grc', upper: 'grc\uffff' }, exact('=liaison.counterpart.rcmp')],
    ]);
    expect(wordRanges(' ,; ', [def])).toEqual([]);
  });

  it('never reads a sensitive option', () => {
    expect(wordRanges('passe', [def])).toEqual([[{ lower: 'passe', upper: 'passe\uffff' }]]);
  });

  it('matches a word of a label, not the middle of one', () => {
    // "documentaire" starts with "doc"; "Fraude" does not contain a word starting "aude".
    expect(wordRanges('doc', [def])[0]?.slice(1)).toEqual([exact('=liaison.topics.fraud')]);
    expect(wordRanges('aude', [def])[0]?.slice(1)).toEqual([]);
  });
});
