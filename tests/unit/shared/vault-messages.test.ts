// Every vault refusal has a sentence in English and in Canadian French.
import { describe, expect, it } from 'vitest';
import {
  VAULT_ERROR_CODES,
  VaultError,
  vaultErrorMessageKey,
  vaultErrorMessageValues,
  vaultMessages,
} from '../../../shared/vault/index.ts';

describe('vault error messages', () => {
  it('has a distinct i18n key per code', () => {
    expect(vaultErrorMessageKey('wrong-passphrase')).toBe('vault.error.wrong-passphrase');
    expect(new Set(VAULT_ERROR_CODES.map(vaultErrorMessageKey)).size).toBe(
      VAULT_ERROR_CODES.length,
    );
  });

  it('has a translated sentence for every code in both languages, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const lang of ['en', 'fr'] as const) {
      expect(Object.keys(vaultMessages[lang].vault.error).sort()).toEqual(
        [...VAULT_ERROR_CODES].sort(),
      );
    }
    for (const code of VAULT_ERROR_CODES) {
      const en = vaultMessages.en.vault.error[code];
      const fr = vaultMessages.fr.vault.error[code];
      expect(fr, code).not.toBe(en);
      expect(placeholders(fr), code).toEqual(placeholders(en));
    }
    expect(vaultMessages.en.vault.error['unsupported-version']).toContain('{{version}}');
  });

  it('puts a non-breaking space before every colon in French, and none before ; ! ?', () => {
    const texts = Object.values(vaultMessages.fr.vault.error);
    expect(texts.join('')).toContain('\u00a0:');
    for (const text of texts) {
      expect(text).not.toMatch(/[^\u00a0]:/);
      expect(text).not.toMatch(/\s[;!?]/);
    }
  });

  it('passes the version to the sentence', () => {
    const e = new VaultError('unsupported-version', 'v3', { version: 3 });
    expect(vaultErrorMessageValues(e)).toEqual({ version: 3 });
    expect(vaultErrorMessageValues(new VaultError('corrupt', 'x'))).toEqual({});
  });
});
