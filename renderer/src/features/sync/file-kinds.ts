// The files the sync screen opens: bundles (.llb) and the signed files that travel beside
// them (a network profile, a device's enrollment card). One list for the open dialog, the
// drop zone and the folder import.
import { BUNDLE_FILE_EXTENSION } from '../../../../shared/bundle/file-name.ts';
import { type FileFilter } from '../../platform/types.ts';
import { ENROLLMENT_EXTENSION, PROFILE_EXTENSION } from '../setup/setup-files.ts';

/** Bundles: changes, receipts, profile updates (docs/bundle-format.md). */
export const BUNDLE_EXTENSION = BUNDLE_FILE_EXTENSION;

export const IMPORT_EXTENSIONS: readonly string[] = [
  BUNDLE_EXTENSION,
  PROFILE_EXTENSION,
  ENROLLMENT_EXTENSION,
];

export function importFilters(label: string): FileFilter[] {
  return [{ name: label, extensions: [...IMPORT_EXTENSIONS] }];
}
