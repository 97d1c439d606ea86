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

export async function readSettingsFile<T>(
  fs: SettingsFs,
  file: string,
  schema: z.ZodType<T>,
  warn: (line: string) => void,
  words: SettingsFileWords,
): Promise<T | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (errnoOf(error) !== 'ENOENT') warn(`${words.unreadable}: ${errnoOf(error) ?? 'error'}`);
    return undefined;
  }
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
