// The database layer's public face: open it, then read and write through these
// repositories. Nothing outside renderer/src/db touches a Dexie table.
export { LiaisonDb, openDatabase, type DbDeps, type OpenOptions } from './db.ts';
export { DbError, isDbError, toDbError, type DbErrorCode } from './errors.ts';
export { type ActivityTypeLookup } from './catalogue.ts';
export { DeviceClock, getOrCreateDevice, randomId } from './device.ts';
export { type DeviceInfo, type OfficerProfile } from './meta.ts';
export { type ActivityView } from './rows.ts';
export {
  createActivity,
  deleteActivity,
  reviewActivity,
  updateActivity,
  type ActivityPatch,
  type Author,
  type NewActivity,
  type ReviewInput,
  type WriteOptions,
} from './activities.ts';
export {
  countActivities,
  getActivitiesByIds,
  getActivity,
  getHistory,
  listActivityIds,
  readActivity,
  type ActivityFilter,
  type StoredActivity,
} from './activity-queries.ts';
export { isUnreadable, type RowProblem, type UnreadableActivity } from './row-check.ts';
export { countPendingChanges, getAcknowledged, recordAcknowledgement } from './sync-state.ts';
export {
  deleteDraft,
  listDrafts,
  loadDraft,
  saveDraft,
  type Draft,
  type DraftInput,
} from './drafts.ts';
export { getLanguage, getOfficerProfile, setLanguage, setOfficerProfile } from './settings.ts';
export { tokenize } from './words.ts';
export { eraseDatabase } from './erase.ts';
export { getEntryHistory, type EntryHistory } from './trail.ts';
export { type TrailRow } from './schema.ts';
export {
  approveEntries,
  countByState,
  listPeople,
  listQueue,
  listReturned,
  countReturned,
  type Person,
  reviewEntry,
  type QueueFilter,
  type ReviewAction,
  type ReviewOutcome,
  type ReviewRefusal,
} from './review.ts';
export {
  fileNilReport,
  listNilReports,
  withdrawNilReport,
  type FileNilReportResult,
  type NilReport,
} from './nil-reports.ts';
