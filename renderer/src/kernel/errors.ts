// Maps any failure to the i18n key of a message a person can act on.
import { DbError, type DbErrorCode } from '../db/index.ts';

const DB_ERROR_KEYS: Record<DbErrorCode, string> = {
  'open-failed': 'errors.openFailed',
  blocked: 'errors.blocked',
  'version-too-new': 'errors.versionTooNew',
  'quota-exceeded': 'errors.quotaExceeded',
  'write-failed': 'errors.writeFailed',
  'not-found': 'errors.notFound',
  'newer-record': 'errors.newerRecord',
  'not-yours': 'errors.notYours',
  locked: 'errors.locked',
};

/**
 * `start`: the failure happened while opening the app, where a blocked upgrade means an
 * older window must close (not that this one should reload).
 */
export function errorMessageKey(error: unknown, when: 'start' | 'use' = 'use'): string {
  if (error instanceof DbError) {
    if (when === 'start' && error.code === 'blocked') return 'errors.otherWindowOpen';
    return DB_ERROR_KEYS[error.code];
  }
  return when === 'start' ? 'errors.openFailed' : 'errors.unexpected';
}
