import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.ts';
import { coreMessages } from '../../../renderer/src/i18n/core-messages.ts';
import { FEATURE_TABLES } from '../../../renderer/src/i18n/feature-messages.ts';
import { resources, createI18n } from '../../../renderer/src/i18n/index.ts';

/** Every leaf key of a nested resource object, dotted. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translations', () => {
  it('has exactly the same keys in English and French', () => {
    const enKeys = leafKeys(resources.en.translation).sort();
    const frKeys = leafKeys(resources.fr.translation).sort();
    expect(frKeys).toEqual(enKeys);
  });

  it('has no empty string in either language', () => {
    for (const lang of ['en', 'fr'] as const) {
      const empty = leafKeys(resources[lang].translation).filter((key) => {
        const value = key
          .split('.')
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            resources[lang].translation,
          );
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, lang).toEqual([]);
    }
  });

  it('puts a non-breaking space before every French colon, never a plain one', () => {
    const plain = leafKeys(resources.fr.translation).filter((key) => {
      const value = key
        .split('.')
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown>)[part],
          resources.fr.translation,
        );
      return typeof value === 'string' && / :/.test(value);
    });
    expect(plain).toEqual([]);
  });

  it('does not let the core messages overwrite a section of the app strings', () => {
    const appSections = Object.keys(en);
    const coreSections = Object.keys(coreMessages.en);
    expect(appSections.filter((s) => coreSections.includes(s))).toEqual([]);
  });

  it('gives each feature a namespace of its own', () => {
    const taken = [...Object.keys(en), ...Object.keys(coreMessages.en)];
    for (const table of FEATURE_TABLES) {
      const sections = Object.keys(table.en);
      expect(sections.filter((s) => taken.includes(s))).toEqual([]);
      taken.push(...sections);
    }
  });

  it('uses the same interpolation variables in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
    const lookup = (lang: 'en' | 'fr', key: string) =>
      key
        .split('.')
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown>)[part],
          resources[lang].translation,
        ) as string;
    for (const key of leafKeys(resources.en.translation)) {
      expect(vars(lookup('fr', key)), key).toEqual(vars(lookup('en', key)));
    }
  });

  it('translates and pluralises in French', () => {
    const i18n = createI18n('fr');
    expect(i18n.t('status.pendingChanges', { count: 1 })).toBe(
      '1 modification en attente de synchronisation',
    );
    expect(i18n.t('status.pendingActivities', { count: 3 })).toBe(
      '3 activités en attente de synchronisation',
    );
    expect(i18n.t('validation.min', { min: 1 })).toContain('1');
    expect(i18n.t('list.count', { count: 12345 })).toMatch(/^12\s345 activités$/u);
    expect(createI18n('en').t('list.count', { count: 12345 })).toBe('12,345 activities');
  });
});
