import { describe, expect, it } from 'vitest';
import { dataPath, isActivityFieldPath } from '../../../shared/domain/activity-paths.ts';
import { CORE_FIELD_NAMES, CORE_PATHS } from '../../../shared/domain/activity.ts';
import {
  CATALOGUE,
  CATALOGUE_VERSION,
  FIELD_NAME_PATTERN,
  catalogueProblems,
  countingFields,
  getActivityType,
  isActivityTypeId,
  sensitiveFieldNames,
} from '../../../shared/domain/catalogue.ts';
import {
  ACTIVITY_TYPE_IDS,
  LANGUAGES,
  type ActivityTypeDef,
  type Localized,
} from '../../../shared/domain/catalogue-types.ts';
import { defaultActivityData, schemaVersionStatus } from '../../../shared/domain/schemas.ts';

function expectWords(text: Localized | undefined, where: string): void {
  expect(text, where).toBeDefined();
  for (const lang of LANGUAGES) expect(text?.[lang].trim(), `${where} (${lang})`).not.toBe('');
}

describe('activity-type catalogue', () => {
  it('defines the seven activity types, in the order of ACTIVITY_TYPE_IDS', () => {
    expect(CATALOGUE.map((def) => def.id)).toEqual([...ACTIVITY_TYPE_IDS]);
    expect(CATALOGUE_VERSION).toBeGreaterThanOrEqual(1);
    for (const def of CATALOGUE) expect(def.version).toBeGreaterThanOrEqual(1);
  });

  it('reports no structural problem in its own definitions', () => {
    expect(catalogueProblems()).toEqual([]);
  });

  it('catches a malformed definition', () => {
    const bad: ActivityTypeDef = {
      ...getActivityType('training'),
      countField: 'notes',
      fields: [
        ...getActivityType('training').fields,
        {
          name: 'postCode',
          kind: 'text',
          label: { en: 'x', fr: 'x' },
          required: false,
          sensitive: false,
        },
        {
          name: 'a.b',
          kind: 'select',
          label: { en: 'x', fr: 'x' },
          required: false,
          sensitive: false,
        },
      ],
    };
    expect(catalogueProblems([bad])).toEqual([
      'training.postCode: clashes with a core name',
      'training.a.b: malformed name',
      'training.a.b: options do not fit the kind',
      'training: countField is not a required counting integer',
    ]);
  });

  it('has English and French words for every type, field, help, unit and option', () => {
    for (const def of CATALOGUE) {
      expectWords(def.label, `${def.id} label`);
      expectWords(def.description, `${def.id} description`);
      expectWords(def.unit, `${def.id} unit`);
      for (const field of def.fields) {
        const where = `${def.id}.${field.name}`;
        expectWords(field.label, `${where} label`);
        if (field.help) expectWords(field.help, `${where} help`);
        if (field.unit) expectWords(field.unit, `${where} unit`);
        for (const option of field.options ?? [])
          expectWords(option.label, `${where}=${option.value}`);
      }
    }
  });

  it('gives select and multiselect fields unique option values and labels', () => {
    for (const def of CATALOGUE) {
      for (const field of def.fields.filter(
        (f) => f.kind === 'select' || f.kind === 'multiselect',
      )) {
        const options = field.options ?? [];
        expect(options.length, `${def.id}.${field.name}`).toBeGreaterThanOrEqual(2);
        expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
        for (const lang of LANGUAGES) {
          expect(
            new Set(options.map((o) => o.label[lang])).size,
            `${def.id}.${field.name} ${lang}`,
          ).toBe(options.length);
        }
      }
    }
  });

  it('makes every countField a required counting integer of at least zero', () => {
    for (const def of CATALOGUE) {
      const field = def.fields.find((f) => f.name === def.countField);
      expect(field, def.id).toMatchObject({ kind: 'integer', counts: true, required: true });
      expect(field?.min ?? 0).toBeGreaterThanOrEqual(0);
      expect(countingFields(def)[0]?.name).toBe(def.countField);
    }
  });

  it('counts only integers, and evacuations three ways', () => {
    for (const def of CATALOGUE) {
      for (const field of countingFields(def)) expect(field.kind).toBe('integer');
    }
    expect(countingFields(getActivityType('evacuation')).map((f) => f.name)).toEqual([
      'screened',
      'cleared',
      'referred',
    ]);
    expect(countingFields(getActivityType('training')).map((f) => f.name)).toEqual([
      'peopleTrained',
    ]);
  });

  it('uses field names that are unique, path-safe and clear of the record’s core names', () => {
    const reserved = new Set<string>([...CORE_FIELD_NAMES, ...CORE_PATHS]);
    for (const def of CATALOGUE) {
      const names = def.fields.map((f) => f.name);
      expect(new Set(names).size, def.id).toBe(names.length);
      for (const name of names) {
        expect(name).toMatch(FIELD_NAME_PATTERN);
        expect(reserved.has(name), `${def.id}.${name}`).toBe(false);
        expect(isActivityFieldPath(dataPath(name)), `${def.id}.${name}`).toBe(true);
      }
    }
  });

  it('marks exactly the personal and protected fields as sensitive', () => {
    const sensitive = Object.fromEntries(
      CATALOGUE.map((def) => [def.id, sensitiveFieldNames(def)]),
    );
    expect(sensitive).toEqual({
      training: [],
      interdiction: ['travellerName', 'dateOfBirth', 'documentNumber', 'notes'],
      facilitation: ['travellerName', 'fileNumber', 'notes'],
      removal: ['fileNumber', 'notes'],
      evacuation: [],
      liaison: [],
      'info-report': ['body'],
    });
  });

  it('never counts or requires a sensitive field', () => {
    for (const def of CATALOGUE) {
      for (const field of def.fields.filter((f) => f.sensitive)) {
        expect(field.counts ?? false, `${def.id}.${field.name}`).toBe(false);
        if (def.id !== 'info-report') expect(field.required, `${def.id}.${field.name}`).toBe(false);
      }
    }
  });

  it('gives every patterned field an example that its own pattern accepts', () => {
    for (const def of CATALOGUE) {
      for (const field of def.fields.filter((f) => f.pattern !== undefined)) {
        expect(field.example).toMatch(new RegExp(`^(?:${field.pattern ?? ''})$`));
      }
    }
  });

  it('recognises its type ids and nothing else', () => {
    expect(isActivityTypeId('info-report')).toBe(true);
    expect(isActivityTypeId('Training')).toBe(false);
    expect(isActivityTypeId(42)).toBe(false);
    expect(getActivityType('removal').countField).toBe('removals');
  });

  it('tells a current record from an older or a newer one', () => {
    const { version } = getActivityType('liaison');
    expect(schemaVersionStatus('liaison', version)).toBe('current');
    expect(schemaVersionStatus('liaison', version - 1)).toBe('older');
    expect(schemaVersionStatus('liaison', version + 1)).toBe('newer');
    expect(schemaVersionStatus('cargo-exam', 1)).toBe('newer');
  });

  it('starts a new entry with the declared defaults and unchecked boxes', () => {
    expect(defaultActivityData(getActivityType('removal'))).toEqual({
      removals: 1,
      escorted: false,
    });
    expect(defaultActivityData(getActivityType('info-report'))).toEqual({ reports: 1 });
    expect(defaultActivityData(getActivityType('liaison'))).toEqual({
      jointActivity: false,
      meetings: 1,
    });
  });
});
