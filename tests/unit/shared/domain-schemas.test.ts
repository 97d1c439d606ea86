import { describe, expect, it } from 'vitest';
import { CATALOGUE, getActivityType } from '../../../shared/domain/catalogue.ts';
import { type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';
import { VALIDATION_KEYS, domainMessages } from '../../../shared/domain/messages.ts';
import {
  activityDataSchema,
  activityInputSchema,
  activityInputSchemaFor,
  issueMessage,
  issuePath,
  issuesByPath,
  toValidationIssues,
  validateActivityData,
  validateActivityInput,
  type ValidationIssue,
} from '../../../shared/domain/schemas.ts';
import { type Json } from '../../../shared/sync/change.ts';

const today = '2024-06-15';

const valid: Record<ActivityTypeId, Record<string, Json>> = {
  training: {
    audience: 'airline-staff',
    peopleTrained: 25,
    topics: ['impostors', 'document-examination'],
  },
  interdiction: {
    airport: 'BOG',
    carrier: 'Avianca',
    flightNumber: 'AV 204',
    documentType: 'passport',
    fraudType: 'impostor',
    documentCountry: 'COL',
    persons: 1,
    outcome: 'boarding-denied',
    travellerName: 'Juan Pérez',
    dateOfBirth: '1990-05-04',
    documentNumber: 'AB123456',
    notes: 'Photo substitution.',
  },
  facilitation: { reason: 'lost-documents', persons: 2, travellerStatus: 'citizen' },
  removal: {
    removals: 1,
    assistance: ['escort', 'transit'],
    escorted: true,
    destinationCountry: 'HTI',
  },
  evacuation: {
    crisis: 'Haiti earthquake',
    screened: 120,
    cleared: 115,
    referred: 5,
    destination: 'canada',
  },
  liaison: {
    counterpart: 'rcmp',
    jointActivity: true,
    meetings: 1,
    subject: 'Joint briefing on smuggling routes',
  },
  'info-report': {
    priority: 'PIR 2024-03',
    classification: 'protected-b',
    title: 'New route through a transit hub',
    body: 'Details of the route.',
    reports: 1,
  },
};

function validate(type: string, data: Record<string, unknown>, occurredOn = '2024-06-14') {
  return validateActivityInput({ type, occurredOn, data }, { today });
}

function issuesOf(
  type: string,
  data: Record<string, unknown>,
  occurredOn?: string,
): ValidationIssue[] {
  const result = validate(type, data, occurredOn);
  if (result.ok) throw new Error(`expected ${type} to be refused`);
  return [...result.issues];
}

function withField(type: ActivityTypeId, name: string, value: unknown): Record<string, unknown> {
  return { ...valid[type], [name]: value };
}

function without(type: ActivityTypeId, name: string): Record<string, unknown> {
  const { [name]: _dropped, ...rest } = valid[type];
  return rest;
}

describe('activity validation built from the catalogue', () => {
  it.each(CATALOGUE.map((def) => def.id))('accepts a complete, valid %s entry', (type) => {
    const result = validate(type, valid[type]);
    expect(result).toMatchObject({ ok: true, value: { type, occurredOn: '2024-06-14' } });
  });

  it.each(CATALOGUE.map((def) => def.id))('asks for every required field of %s', (type) => {
    const def = getActivityType(type);
    const issues = issuesOf(type, {});
    const required = def.fields.filter((f) => f.required && f.defaultValue === undefined);
    for (const field of required) {
      expect(issues).toContainEqual({ path: ['data', field.name], key: 'validation.required' });
    }
    expect(issues.every((i) => i.key === 'validation.required')).toBe(true);
  });

  it('names the one required field left out, and lets optional ones go', () => {
    expect(issuesOf('interdiction', without('interdiction', 'outcome'))).toEqual([
      { path: ['data', 'outcome'], key: 'validation.required' },
    ]);
    expect(validate('interdiction', without('interdiction', 'travellerName')).ok).toBe(true);
    expect(issuesOf('info-report', withField('info-report', 'body', '   '))).toEqual([
      { path: ['data', 'body'], key: 'validation.required' },
    ]);
  });

  it('refuses a negative or zero count with the minimum as a parameter', () => {
    expect(issuesOf('training', withField('training', 'peopleTrained', -3))).toEqual([
      { path: ['data', 'peopleTrained'], key: 'validation.min', params: { min: 1 } },
    ]);
    expect(issuesOf('removal', withField('removal', 'removals', 0))).toEqual([
      { path: ['data', 'removals'], key: 'validation.min', params: { min: 1 } },
    ]);
  });

  it('refuses a count above the field’s maximum, a fraction and a word', () => {
    expect(issuesOf('interdiction', withField('interdiction', 'persons', 101))).toEqual([
      { path: ['data', 'persons'], key: 'validation.max', params: { max: 100 } },
    ]);
    expect(issuesOf('liaison', withField('liaison', 'meetings', 1.5))[0]?.key).toBe(
      'validation.integer',
    );
    expect(issuesOf('liaison', withField('liaison', 'meetings', 'two'))[0]?.key).toBe(
      'validation.integer',
    );
  });

  it('takes a count typed as text, and treats an empty number box as missing', () => {
    const typed = validate('training', withField('training', 'peopleTrained', ' 40 '));
    expect(typed.ok && typed.value.data['peopleTrained']).toBe(40);
    expect(issuesOf('training', withField('training', 'peopleTrained', Number.NaN))).toEqual([
      { path: ['data', 'peopleTrained'], key: 'validation.required' },
    ]);
  });

  it('refuses a value outside a select’s options and a multiselect’s options', () => {
    expect(issuesOf('interdiction', withField('interdiction', 'fraudType', 'forged'))).toEqual([
      { path: ['data', 'fraudType'], key: 'validation.option' },
    ]);
    expect(issuesOf('training', withField('training', 'topics', ['impostors', 'karate']))).toEqual([
      { path: ['data', 'topics'], key: 'validation.option' },
    ]);
  });

  it('refuses an impossible date of birth and a birth after the activity', () => {
    expect(
      issuesOf('interdiction', withField('interdiction', 'dateOfBirth', '2023-02-30')),
    ).toEqual([{ path: ['data', 'dateOfBirth'], key: 'validation.date' }]);
    expect(
      issuesOf('interdiction', withField('interdiction', 'dateOfBirth', '2024-06-20')),
    ).toEqual([{ path: ['data', 'dateOfBirth'], key: 'validation.birthAfterActivity' }]);
  });

  it('refuses an impossible or badly written activity date', () => {
    for (const occurredOn of ['2023-02-30', '2023-2-3', '15/06/2024', '2023-13-01']) {
      expect(issuesOf('liaison', valid.liaison, occurredOn)).toEqual([
        { path: ['occurredOn'], key: 'validation.date' },
      ]);
    }
    expect(validate('liaison', valid.liaison, '2024-02-29').ok).toBe(true);
  });

  it('accepts tomorrow but not the day after, and nothing before 1989', () => {
    expect(validate('liaison', valid.liaison, '2024-06-16').ok).toBe(true);
    expect(issuesOf('liaison', valid.liaison, '2024-06-17')).toEqual([
      { path: ['occurredOn'], key: 'validation.dateInFuture', params: { max: '2024-06-16' } },
    ]);
    expect(issuesOf('liaison', valid.liaison, '1988-12-31')).toEqual([
      { path: ['occurredOn'], key: 'validation.dateTooEarly', params: { min: '1989-01-01' } },
    ]);
  });

  it('refuses an evacuation whose cleared and referred exceed those screened', () => {
    const data = { ...valid.evacuation, screened: 100, cleared: 95, referred: 10 };
    expect(issuesOf('evacuation', data)).toEqual([
      {
        path: ['data', 'referred'],
        key: 'validation.outcomesExceedScreened',
        params: { total: 105, screened: 100 },
      },
    ]);
    expect(validate('evacuation', { ...data, referred: 5 }).ok).toBe(true);
  });

  it('reports a cross-field problem together with single-field ones', () => {
    const data = { ...valid.evacuation, screened: 10, cleared: 20, destination: 'moon' };
    expect(
      issuesOf('evacuation', data)
        .map((i) => i.key)
        .sort(),
    ).toEqual(['validation.option', 'validation.outcomesExceedScreened']);
  });

  it('checks airport and country codes against their pattern after upper-casing', () => {
    const lower = validate('interdiction', withField('interdiction', 'airport', ' bog '));
    expect(lower.ok && lower.value.data['airport']).toBe('BOG');
    expect(issuesOf('interdiction', withField('interdiction', 'airport', 'BOGO'))).toContainEqual({
      path: ['data', 'airport'],
      key: 'validation.maxLength',
      params: { max: 3 },
    });
    expect(issuesOf('interdiction', withField('interdiction', 'airport', 'B0G'))).toEqual([
      { path: ['data', 'airport'], key: 'validation.pattern', params: { example: 'BOG' } },
    ]);
    expect(issuesOf('removal', withField('removal', 'destinationCountry', 'HT'))[0]?.key).toBe(
      'validation.pattern',
    );
  });

  it('refuses text longer than the field allows', () => {
    expect(issuesOf('liaison', withField('liaison', 'subject', 'x'.repeat(201)))).toEqual([
      { path: ['data', 'subject'], key: 'validation.maxLength', params: { max: 200 } },
    ]);
  });

  it('refuses a field the type does not have and an unknown type', () => {
    expect(issuesOf('training', { ...valid.training, travellerName: 'X' })).toEqual([
      { path: ['data', 'travellerName'], key: 'validation.unknownField' },
    ]);
    expect(issuesOf('cargo', {})).toEqual([{ path: ['type'], key: 'validation.unknownType' }]);
    const notAnObject = validateActivityInput('training', { today });
    expect(notAnObject).toEqual({ ok: false, issues: [{ path: [], key: 'validation.type' }] });
  });

  it('refuses a value of the wrong kind', () => {
    expect(issuesOf('liaison', withField('liaison', 'jointActivity', 'yes'))).toEqual([
      { path: ['data', 'jointActivity'], key: 'validation.type' },
    ]);
    expect(issuesOf('liaison', withField('liaison', 'subject', 12))).toEqual([
      { path: ['data', 'subject'], key: 'validation.type' },
    ]);
  });

  it('normalises what a form hands over: empty optionals dropped, text trimmed, choices ordered', () => {
    const result = validate('training', {
      audience: 'host-government',
      peopleTrained: 12,
      organization: '  Migración Colombia ',
      location: '',
      durationHours: null,
      topics: ['fraud-trends', 'impostors', 'fraud-trends'],
      notes: 'line one\r\nline two\n',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        type: 'training',
        occurredOn: '2024-06-14',
        data: {
          audience: 'host-government',
          peopleTrained: 12,
          organization: 'Migración Colombia',
          topics: ['impostors', 'fraud-trends'],
          notes: 'line one\nline two',
        },
      },
    });
  });

  it('treats an empty required multiselect as missing', () => {
    expect(issuesOf('removal', withField('removal', 'assistance', []))).toEqual([
      { path: ['data', 'assistance'], key: 'validation.required' },
    ]);
  });

  it('validates data alone, with the cross-field rules of its type', () => {
    const evacuation = getActivityType('evacuation');
    expect(activityDataSchema(evacuation).safeParse(valid.evacuation).success).toBe(true);
    const bad = activityDataSchema(evacuation).safeParse({ ...valid.evacuation, screened: 1 });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(toValidationIssues(bad.error)).toEqual([
        {
          path: ['referred'],
          key: 'validation.outcomesExceedScreened',
          params: { total: 120, screened: 1 },
        },
      ]);
    }
    const interdiction = getActivityType('interdiction');
    expect(
      validateActivityData(interdiction, valid.interdiction, { occurredOn: '1980-01-01' }),
    ).toEqual({
      ok: false,
      issues: [{ path: ['data', 'dateOfBirth'], key: 'validation.birthAfterActivity' }],
    });
  });

  it('offers the same rules as a discriminated zod schema', () => {
    const input = { type: 'facilitation', occurredOn: '2030-01-01', data: valid.facilitation };
    expect(activityInputSchema.safeParse(input).success).toBe(true);
    const dated = activityInputSchemaFor({ today }).safeParse(input);
    expect(dated.success).toBe(false);
    const unknown = activityInputSchema.safeParse({ ...input, type: 'cargo' });
    expect(unknown.success).toBe(false);
    if (!unknown.success) {
      expect(toValidationIssues(unknown.error)).toEqual([
        { path: ['type'], key: 'validation.unknownType' },
      ]);
    }
  });

  it('puts a message key behind every issue the validators produce', () => {
    const keys = new Set<string>(VALIDATION_KEYS);
    const samples = [
      issuesOf(
        'evacuation',
        { screened: -1, cleared: 'x', referred: 2.5, destination: 3, extra: 1 },
        '2023-02-30',
      ),
      issuesOf('interdiction', { airport: 'zzzz', dateOfBirth: '1990-02-29', persons: 1e9 }),
    ].flat();
    expect(samples.length).toBeGreaterThan(5);
    for (const issue of samples) expect(keys.has(issue.key), issue.key).toBe(true);
  });

  it('groups issues by form field name and words them through the translate function', () => {
    const issues = issuesOf('training', { peopleTrained: 0 });
    const grouped = issuesByPath(issues);
    expect(Object.keys(grouped).sort()).toEqual(['data.audience', 'data.peopleTrained']);
    const min = grouped['data.peopleTrained']?.[0];
    expect(min && issuePath(min)).toBe('data.peopleTrained');
    const t = (key: string, params?: Readonly<Record<string, string | number>>): string =>
      `${key}:${JSON.stringify(params ?? {})}`;
    expect(min && issueMessage(min, t)).toBe('validation.min:{"min":1}');
  });
});

describe('validation messages', () => {
  it('exist in English and French for every key, with the same parameters', () => {
    const en: Record<string, string> = domainMessages.en.validation;
    const fr: Record<string, string> = domainMessages.fr.validation;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const params = (s: string): string[] =>
      [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
    for (const key of VALIDATION_KEYS) {
      const name = key.slice('validation.'.length);
      expect(en[name]?.trim(), key).toBeTruthy();
      expect(fr[name]?.trim(), key).toBeTruthy();
      expect(params(fr[name] ?? ''), key).toEqual(params(en[name] ?? ''));
    }
  });

  it('names in each message the parameters its issues carry', () => {
    const en: Record<string, string> = domainMessages.en.validation;
    const issues = [
      ...issuesOf('training', withField('training', 'peopleTrained', 0)),
      ...issuesOf('liaison', valid.liaison, '2030-01-01'),
      ...issuesOf('interdiction', withField('interdiction', 'airport', '123')),
      ...issuesOf('evacuation', { ...valid.evacuation, screened: 1 }),
    ];
    for (const issue of issues) {
      const text = en[issue.key.slice('validation.'.length)] ?? '';
      for (const param of Object.keys(issue.params ?? {}))
        expect(text, issue.key).toContain(`{{${param}}}`);
    }
  });
});
