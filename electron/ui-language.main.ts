// The interface language, for what only Chromium draws: a date field's day, month and year
// order and its calendar follow the browser's locale, not the page's language, and Electron
// sets that locale once, from the `--lang` switch, before the app is ready. So the renderer
// tells the main process the language the person chose (ui-language.json in userData), and
// the next start reads it before 'ready' and sets the switch: English gives en-CA, French
// fr-CA. Read synchronously because 'ready' does not wait for a promise; a missing or damaged
// file is no choice (the system's locale), never a crash.
import nodePath from 'node:path';
import { z } from 'zod';
import { readSettingsFileSync, writeSettingsFile, type SettingsFs } from './settings-file.main.ts';

export const UI_LANGUAGE_FILE = 'ui-language.json';

export type UiLanguage = 'en' | 'fr';

const fileSchema = z.strictObject({ version: z.literal(1), language: z.enum(['en', 'fr']) });

/** The Chromium locale of each interface language (Canada's, as the app's numbers are). */
export function localeOf(language: UiLanguage): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

/** The language kept in `dir`, or undefined (none kept yet, unreadable, damaged). */
export function readUiLanguage(
  readFileSync: (file: string, encoding: 'utf8') => string,
  dir: string,
  warn: (line: string) => void,
): UiLanguage | undefined {
  return readSettingsFileSync(
    readFileSync,
    nodePath.join(dir, UI_LANGUAGE_FILE),
    fileSchema,
    warn,
    {
      unreadable: 'Interface language file unreadable',
      damaged: 'Interface language file damaged: the system locale is used',
    },
  )?.language;
}

/**
 * Before 'ready': the kept language becomes Chromium's locale, unless whoever started the
 * app chose one with its own `--lang` (a support person reproducing a problem).
 */
export function applyUiLanguage(
  commandLine: {
    hasSwitch(name: string): boolean;
    appendSwitch(name: string, value: string): void;
  },
  language: UiLanguage | undefined,
): void {
  if (language === undefined || commandLine.hasSwitch('lang')) return;
  commandLine.appendSwitch('lang', localeOf(language));
}

/**
 * Keeps the language the renderer reports, for the next start (this run's locale cannot
 * change). At most one write runs and the latest wish waits behind it, so any number of
 * quick switches (or a hostile page calling in a loop) costs two writes, not a queue of
 * them; the same language again writes nothing. Each call resolves once its wish, or a
 * later one, is on disk.
 */
export class UiLanguageStore {
  readonly #fs: SettingsFs;
  readonly #file: string;
  #kept: UiLanguage | undefined;
  #wanted: UiLanguage | undefined;
  #writing: Promise<null> | null = null;

  constructor(fs: SettingsFs, dir: string, kept: UiLanguage | undefined) {
    this.#fs = fs;
    this.#file = nodePath.join(dir, UI_LANGUAGE_FILE);
    this.#kept = kept;
    this.#wanted = kept;
  }

  set(language: UiLanguage): Promise<null> {
    this.#wanted = language;
    if (this.#writing) return this.#writing;
    if (language === this.#kept) return Promise.resolve(null);
    const writing = this.#writeWanted(language);
    this.#writing = writing;
    return writing;
  }

  async #writeWanted(first: UiLanguage): Promise<null> {
    try {
      let language = first;
      for (;;) {
        await writeSettingsFile(this.#fs, this.#file, { version: 1, language });
        this.#kept = language;
        if (this.#wanted === undefined || this.#wanted === this.#kept) break;
        language = this.#wanted;
      }
    } finally {
      // In the same step as the last check: a wish made after it starts a write of its own.
      this.#writing = null;
    }
    return null;
  }
}
