// Maps any failure to the i18n key of a message a person can act on.
import { DbError } from '../db/index.ts';

const DB_ERROR_KEYS: Record<string, string> = {
  'open-failed': 'errors.openFailed',
  blocked: 'errors.blocked',
  'version-too-new': 'errors.versionTooNew',
  'quota-exceeded': 'errors.quotaExceeded',
  'write-failed': 'errors.writeFailed',
  'not-found': 'errors.notFound',
  'newer-record': 'errors.newerRecord',
};

export function errorMessageKey(error: unknown): string {
  if (error instanceof DbError) return DB_ERROR_KEYS[error.code] ?? 'errors.unexpected';
  return 'errors.unexpected';
}
