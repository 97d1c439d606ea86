// Any failure of the wizard or of issuing a profile, as i18n keys a person can read: the
// identity and vault sentences from shared/, database errors as the app words them.
import {
  identityErrorMessageKey,
  identityErrorMessageValues,
  isProfileError,
  profileIssueMessageKey,
} from '../../../shared/identity/index.ts';
import {
  isVaultError,
  vaultErrorMessageKey,
  vaultErrorMessageValues,
} from '../../../shared/vault/index.ts';
import { errorMessageKey } from '../kernel/errors.ts';
import {
  PlatformError,
  platformErrorMessageKey,
  platformErrorMessageValues,
} from '../platform/errors.ts';

export interface Message {
  readonly key: string;
  readonly values?: Record<string, string | number>;
}

export interface Problem extends Message {
  /** For a profile HQ's checks refused: one sentence per problem found. */
  readonly details: readonly Message[];
}

export function problemOf(error: unknown): Problem {
  if (isProfileError(error)) {
    return {
      key: identityErrorMessageKey(error.code),
      values: identityErrorMessageValues(error),
      details: error.issues.map((issue) => ({
        key: profileIssueMessageKey(issue.code),
        values: { path: issue.path, value: issue.value ?? '' },
      })),
    };
  }
  if (isVaultError(error)) {
    return {
      key: vaultErrorMessageKey(error.code),
      values: vaultErrorMessageValues(error),
      details: [],
    };
  }
  // A file the platform could not open or save: its own sentence, naming the file.
  const platformKey = platformErrorMessageKey(error);
  if (platformKey && error instanceof PlatformError) {
    return {
      key: platformKey,
      values: platformErrorMessageValues(error),
      details: [],
    };
  }
  return { key: errorMessageKey(error), details: [] };
}
