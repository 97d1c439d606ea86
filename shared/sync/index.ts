// The sync core's public API: clock, change records, merge, authorization, compaction,
// coverage and receipts. Import from here rather than from the files behind it.
export { HlcClock, MAX_COUNTER, compareHlc, decodeHlc, encodeHlc, type Hlc } from './hlc.ts';
export {
  COLLECTIONS,
  DELETED_FIELD,
  MAX_JSON_DEPTH,
  changeSchema,
  deviceIdSchema,
  isJson,
  jsonSchema,
  type Change,
  type Collection,
  type Json,
  type JsonCheckOptions,
} from './change.ts';
export {
  OWNERSHIP_FIELDS,
  isSyncedField,
  isWellFormedPath,
  keptWhenDeleted,
  recordKey,
} from './fields.ts';
export {
  canonicalJson,
  compareVersions,
  compareWrites,
  fieldKey,
  latestPerField,
  type FieldVersion,
} from './latest.ts';
export { isDeferral, refusal, type Refusal, type RefusalCode } from './refusal.ts';
export {
  isDeleted,
  mergeChanges,
  validateChange,
  type AppliedOutcome,
  type Authorizer,
  type BatchView,
  type ChangeFlag,
  type ChangeOutcome,
  type ChangeResult,
  type ClockCheck,
  type FieldState,
  type MergeOptions,
  type MergeResult,
  type RecordLookup,
  type RecordState,
} from './merge.ts';
export { authorizeChange, makeAuthorizer, type SenderScope } from './authorize.ts';
export {
  ackedSeq,
  compactChanges,
  coveredRanges,
  outsideCoverage,
  type Acked,
  type Compacted,
  type CoveredRange,
} from './compact.ts';
export {
  acknowledge,
  addCovered,
  addCoverage,
  highestContiguous,
  makeReceipt,
  missingByDevice,
  missingRanges,
  receiptSchema,
  type Acknowledgement,
  type Coverage,
  type DeviceGap,
  type Receipt,
  type SeqRange,
} from './receipts.ts';
