import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.ts';
import { coreMessages } from '../../../renderer/src/i18n/core-messages.ts';
import { registeredTables, registerMessages } from '../../../renderer/src/i18n/registry.ts';
import { bilingual, type Bilingual } from '../../../renderer/src/i18n/bilingual.ts';
import { buildResources, createI18n } from '../../../renderer/src/i18n/index.ts';

const resources = buildResources();

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
    for (const table of registeredTables()) {
      const sections = Object.keys(table.en);
      expect(sections.filter((s) => taken.includes(s))).toEqual([]);
      taken.push(...sections);
    }
  });

  it('refuses a feature table that takes a namespace already taken', () => {
    expect(() => registerMessages(bilingual({ list: { x: 'x' } }, { list: { x: 'x' } }))).toThrow(
      /already taken: list/,
    );
    const sync = registeredTables().find((t) => 'sync' in t.en);
    const copy = bilingual({ sync: { x: 'x' } }, { sync: { x: 'x' } });
    expect(sync).toBeDefined();
    expect(() => registerMessages(copy)).toThrow(/already taken: sync/);
  });

  it('has every feature table registered by the modules the first render loads', async () => {
    // A fresh module graph, loaded from the start-up's entry to the shell (main.tsx renders
    // App), without the test set-up's registrations.
    vi.resetModules();
    await import('../../../renderer/src/app/App.tsx');
    const registry = await import('../../../renderer/src/i18n/registry.ts');
    const files = import.meta.glob<Record<string, unknown>>(
      '../../../renderer/src/features/**/*messages.ts',
    );
    const isTable = (v: unknown): v is Bilingual<object> =>
      typeof v === 'object' && v !== null && 'en' in v && 'fr' in v;
    const tables = (
      await Promise.all(Object.values(files).map(async (load) => Object.values(await load())))
    )
      .flat()
      .filter(isTable);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) expect(registry.registeredTables()).toContain(table);
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
