// The interface language kept for the next start, where it becomes Chromium's locale (date
// fields): read before 'ready' from a file that may be missing or damaged, written whole.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyUiLanguage,
  readUiLanguage,
  UI_LANGUAGE_FILE,
  UiLanguageStore,
} from '../../../electron/ui-language.main';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ui-language-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function commandLine(existing: string[] = []) {
  const switches = new Map<string, string>(existing.map((name) => [name, 'given']));
  return {
    switches,
    hasSwitch: (name: string) => switches.has(name),
    appendSwitch: (name: string, value: string) => void switches.set(name, value),
  };
}

describe('the interface language for the next start', () => {
  it('is kept by the store and read back, and becomes the locale switch', async () => {
    const dir = freshDir();
    const warnings: string[] = [];
    const warn = (line: string) => void warnings.push(line);
    expect(readUiLanguage(readFileSync, dir, warn)).toBeUndefined();
    const store = new UiLanguageStore(nodeFs, dir, undefined);
    await store.set('fr');
    expect(readUiLanguage(readFileSync, dir, warn)).toBe('fr');
    const french = commandLine();
    applyUiLanguage(french, readUiLanguage(readFileSync, dir, warn));
    expect(french.switches.get('lang')).toBe('fr-CA');
    await store.set('en');
    const english = commandLine();
    applyUiLanguage(english, readUiLanguage(readFileSync, dir, warn));
    expect(english.switches.get('lang')).toBe('en-CA');
    // A missing file is no choice, and no warning.
    expect(warnings).toEqual([]);
    // Written whole: no temporary file left beside it.
    expect(readdirSync(dir)).toEqual([UI_LANGUAGE_FILE]);
  });

  it('leaves the locale alone without a choice, or when the app was started with --lang', () => {
    const none = commandLine();
    applyUiLanguage(none, undefined);
    expect(none.switches.size).toBe(0);
    const given = commandLine(['lang']);
    applyUiLanguage(given, 'fr');
    expect(given.switches.get('lang')).toBe('given');
  });

  it('reads a damaged or foreign file as no choice, with a warning, never a throw', () => {
    for (const text of [
      '{ not json',
      JSON.stringify({ version: 1, language: 'de' }),
      JSON.stringify({ version: 2, language: 'fr' }),
      JSON.stringify({ version: 1, language: 'fr', extra: true }),
      '"fr"',
    ]) {
      const dir = freshDir();
      writeFileSync(path.join(dir, UI_LANGUAGE_FILE), text);
      const warnings: string[] = [];
      expect(readUiLanguage(readFileSync, dir, (line) => warnings.push(line))).toBeUndefined();
      expect(warnings).toHaveLength(1);
    }
    // A file that cannot be read is no choice too.
    const dir = freshDir();
    const warnings: string[] = [];
    expect(
      readUiLanguage(
        () => {
          throw Object.assign(new Error('denied'), { code: 'EACCES' });
        },
        dir,
        (line) => warnings.push(line),
      ),
    ).toBeUndefined();
    expect(warnings).toEqual(['Interface language file unreadable: EACCES']);
  });

  it('keeps the last of quick switches in at most two writes, and writes nothing for the language kept', async () => {
    const dir = freshDir();
    const writes: string[] = [];
    const fs = {
      ...nodeFs,
      writeFile: ((file: string, data: string, options: object) => {
        writes.push(data);
        return nodeFs.writeFile(file, data, options);
      }) as typeof nodeFs.writeFile,
    };
    const store = new UiLanguageStore(fs, dir, 'en');
    await store.set('en');
    expect(writes).toHaveLength(0);
    // A page switching in a loop: one write runs, the latest wish waits behind it.
    const calls: Promise<null>[] = [];
    for (let i = 0; i < 200; i++) calls.push(store.set(i % 2 === 0 ? 'fr' : 'en'));
    calls.push(store.set('fr'));
    await Promise.all(calls);
    expect(readUiLanguage(readFileSync, dir, () => undefined)).toBe('fr');
    expect(writes.length).toBeLessThanOrEqual(2);
    await store.set('fr');
    expect(writes.length).toBeLessThanOrEqual(2);
    await store.set('en');
    expect(readUiLanguage(readFileSync, dir, () => undefined)).toBe('en');
  });
});
