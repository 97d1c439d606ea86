// Settings › About names where the app runs in words, in both languages.
import { describe, expect, it } from 'vitest';
import { runtimeName } from '../../../renderer/src/features/settings/runtime.ts';
import { createI18n } from '../../../renderer/src/i18n/index.ts';
import '../../../renderer/src/features/settings/index.ts';

describe('the runtime line', () => {
  it('says browser or desktop app, with the OS by its name', () => {
    const en = createI18n('en').t;
    const fr = createI18n('fr').t;
    expect(runtimeName('browser', en)).toBe('A web browser');
    expect(runtimeName('browser', fr)).toBe('Un navigateur Web');
    expect(runtimeName('electron 45.1.0 (win32)', en)).toBe(
      'The desktop app (Electron 45.1.0, Windows)',
    );
    expect(runtimeName('electron 45.1.0 (darwin)', fr)).toBe(
      'L’application de bureau (Electron 45.1.0, macOS)',
    );
    expect(runtimeName('electron 45.1.0 (freebsd)', en)).toBe(
      'The desktop app (Electron 45.1.0, freebsd)',
    );
    expect(runtimeName('something else', en)).toBe('something else');
  });
});
