// Every identity error and issue code has a sentence in both languages, in Canadian French
// typography (a non-breaking space before a colon).
import { describe, expect, it } from 'vitest';
import {
  IDENTITY_ERROR_CODES,
  PROFILE_ISSUE_CODES,
  identityErrorMessageKey,
  identityMessages,
  profileIssueMessageKey,
} from '../../../shared/identity/index.ts';

describe('identity messages', () => {
  it('has a non-empty sentence for every error and issue code in en and fr', () => {
    for (const language of ['en', 'fr'] as const) {
      const { error, issue } = identityMessages[language].identity;
      for (const code of IDENTITY_ERROR_CODES) expect(error[code].length).toBeGreaterThan(10);
      for (const code of PROFILE_ISSUE_CODES) expect(issue[code].length).toBeGreaterThan(10);
      expect(Object.keys(error).sort()).toEqual([...IDENTITY_ERROR_CODES].sort());
      expect(Object.keys(issue).sort()).toEqual([...PROFILE_ISSUE_CODES].sort());
    }
  });

  it('keys messages as identity.error.<code> and identity.issue.<code>', () => {
    expect(identityErrorMessageKey('older-version')).toBe('identity.error.older-version');
    expect(profileIssueMessageKey('unknown-post')).toBe('identity.issue.unknown-post');
  });

  it('puts a non-breaking space, never a plain one or none, before a French colon', () => {
    const { error, issue } = identityMessages.fr.identity;
    for (const text of [...Object.values(error), ...Object.values(issue)]) {
      expect(text).not.toMatch(/(?:^|[^\u00a0]):/);
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
    const en = identityMessages.en.identity;
    const fr = identityMessages.fr.identity;
    for (const code of IDENTITY_ERROR_CODES)
      expect(placeholders(fr.error[code])).toEqual(placeholders(en.error[code]));
    for (const code of PROFILE_ISSUE_CODES)
      expect(placeholders(fr.issue[code])).toEqual(placeholders(en.issue[code]));
  });
});
