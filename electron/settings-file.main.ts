// A small JSON file the main process keeps in userData (the folder list, the relay settings):
// read with its schema, where a missing file is no settings and a damaged one is logged and
// read as none, never a crash or a wrong value; written whole (a temporary name, then a
// rename), so a crash half way leaves the previous file.
import nodePath from 'node:path';
import type * as nodeFs from 'node:fs/promises';
import type { z } from 'zod';
import { errnoOf } from '../shared/ipc/errors.ts';

export type SettingsFs = Pick<
  typeof nodeFs,
  'readFile' | 'writeFile' | 'rename' | 'unlink' | 'mkdir'
>;

/** What the log says of a file it cannot read, or of one it reads as damaged. */
export interface SettingsFileWords {
  unreadable: string;
  damaged: string;
}

/** A read that failed: no file yet is no settings; anything else is also logged. */
function unreadable(error: unknown, warn: (line: string) => void, words: SettingsFileWords) {
  if (errnoOf(error) !== 'ENOENT') warn(`${words.unreadable}: ${errnoOf(error) ?? 'error'}`);
  return undefined;
}

/** The file's text parsed and checked; a damaged one is logged and read as none. */
function checkedSettings<T>(
  text: string | undefined,
  schema: z.ZodType<T>,
  warn: (line: string) => void,
  words: SettingsFileWords,
): T | undefined {
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    warn(words.damaged);
    return undefined;
  }
  return parsed.data;
}

export async function readSettingsFile<T>(
  fs: SettingsFs,
  file: string,
  schema: z.ZodType<T>,
  warn: (line: string) => void,
  words: SettingsFileWords,
): Promise<T | undefined> {
  const text = await fs
    .readFile(file, 'utf8')
    .catch((error: unknown) => unreadable(error, warn, words));
  return checkedSettings(text, schema, warn, words);
}

/** The same, synchronously: for what must be known before the app's 'ready' (its locale). */
export function readSettingsFileSync<T>(
  readFileSync: (file: string, encoding: 'utf8') => string,
  file: string,
  schema: z.ZodType<T>,
  warn: (line: string) => void,
  words: SettingsFileWords,
): T | undefined {
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    text = unreadable(error, warn, words);
  }
  return checkedSettings(text, schema, warn, words);
}

export async function writeSettingsFile(
  fs: SettingsFs,
  file: string,
  content: unknown,
  mode?: number,
): Promise<void> {
  await fs.mkdir(nodePath.dirname(file), { recursive: true });
  const temp = `${file}.${crypto.randomUUID()}.part`;
  try {
    await fs.writeFile(temp, `${JSON.stringify(content, null, 2)}\n`, {
      flag: 'wx',
      ...(mode === undefined ? {} : { mode }),
    });
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}
