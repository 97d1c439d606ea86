// The files the sync screen opens: bundles (.llb) and the signed files that travel beside
// them (a network profile, a device's enrollment card). One list for the open dialog, the
// drop zone and the folder import.
import {
  BUNDLE_FILE_EXTENSION,
  IMPORT_FILE_EXTENSIONS,
} from '../../../../shared/bundle/file-name.ts';
import { type FileFilter } from '../../platform/types.ts';

/** Bundles: changes, receipts, profile updates (docs/bundle-format.md). */
export const BUNDLE_EXTENSION = BUNDLE_FILE_EXTENSION;

export const IMPORT_EXTENSIONS = IMPORT_FILE_EXTENSIONS;

export function importFilters(label: string): FileFilter[] {
  return [{ name: label, extensions: [...IMPORT_EXTENSIONS] }];
}
