import { describe, expect, it } from 'vitest';
import { isSafeFileName, MAX_FILE_NAME_LENGTH } from '../../../shared/ipc/contract';
import {
  candidateNames,
  hasExtension,
  isListedFile,
  normalizeExtensions,
  numberedName,
  splitExtension,
  tempNameFor,
} from '../../../shared/ipc/file-names';

// The naming rules Electron and the browser share when writing into a chosen folder.
describe('file names in a chosen folder', () => {
  it('splits the extension off the last dot, keeping a leading dot in the stem', () => {
    expect(splitExtension('bundle.llb')).toEqual({ stem: 'bundle', ext: '.llb' });
    expect(splitExtension('a.b.llb')).toEqual({ stem: 'a.b', ext: '.llb' });
    expect(splitExtension('README')).toEqual({ stem: 'README', ext: '' });
    expect(splitExtension('.hidden')).toEqual({ stem: '.hidden', ext: '' });
  });

  it('numbers a taken name before its extension, as file managers do', () => {
    expect([...candidateNames('BKK 2025-03-01.llb', 4)]).toEqual([
      'BKK 2025-03-01.llb',
      'BKK 2025-03-01 (2).llb',
      'BKK 2025-03-01 (3).llb',
      'BKK 2025-03-01 (4).llb',
    ]);
    expect(numberedName('receipt', 2)).toBe('receipt (2)');
    expect([...candidateNames('x.llb')]).toHaveLength(1000);
  });

  it('keeps numbered names within the length every platform accepts', () => {
    const long = `${'é'.repeat(MAX_FILE_NAME_LENGTH - 4)}.llb`;
    expect(isSafeFileName(long)).toBe(true);
    for (const n of [2, 10, 1000]) {
      const name = numberedName(long, n);
      expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
      expect(name.endsWith(` (${n}).llb`)).toBe(true);
      expect(isSafeFileName(name)).toBe(true);
    }
  });

  it('gives the temporary file a name no bundle reader picks up', () => {
    const temp = tempNameFor('a.llb', 'abc');
    expect(temp).toBe('a.llb.abc.part');
    expect(hasExtension(temp, ['llb'])).toBe(false);
    const longTemp = tempNameFor('x'.repeat(MAX_FILE_NAME_LENGTH), crypto.randomUUID());
    expect(longTemp.length).toBe(MAX_FILE_NAME_LENGTH);
    expect(longTemp.endsWith('.part')).toBe(true);
    expect(isSafeFileName(longTemp)).toBe(true);
  });

  it('matches extensions without the dot, in any case', () => {
    expect(normalizeExtensions(['.LLB', 'llb', 'Llprofile', '.'])).toEqual(['llb', 'llprofile']);
    expect(hasExtension('a.LLB', ['llb'])).toBe(true);
    expect(hasExtension('a.llb', ['.llb'])).toBe(true);
    expect(hasExtension('llb', ['llb'])).toBe(false);
    expect(hasExtension('a.llbx', ['llb'])).toBe(false);
  });

  it('lists visible files with a wanted extension and a portable name', () => {
    expect(isListedFile('a.llb', ['llb'])).toBe(true);
    expect(isListedFile('._a.llb', ['llb'])).toBe(false);
    expect(isListedFile('.a.llb', ['llb'])).toBe(false);
    expect(isListedFile('a?.llb', ['llb'])).toBe(false);
    expect(isListedFile('a.txt', ['llb'])).toBe(false);
  });
});
