// The database's view of the activity-type catalogue: which fields are sensitive (never
// indexed) and which definition version this build knows (newer records are read-only).
// Passed in when the database opens, so tests and tools can bring their own catalogue.
import { getActivityType, isActivityTypeId } from '../../../shared/domain/catalogue.ts';
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import { NIL_REPORT_TYPE, nilReportType } from '../../../shared/domain/nil-report.ts';

/** undefined for a type this build does not know (a record from a newer app). */
export type ActivityTypeLookup = (typeId: string) => ActivityTypeDef | undefined;

/**
 * A catalogue with the record types every build knows whatever its catalogue: the nil report,
 * which syncs as an entry does but is no activity type (shared/domain/nil-report.ts).
 */
export function withRecordTypes(types: ActivityTypeLookup): ActivityTypeLookup {
  return (typeId) => (typeId === NIL_REPORT_TYPE ? nilReportType : types(typeId));
}

/** The app's own catalogue (shared/domain), with the nil report. */
export const catalogueTypes: ActivityTypeLookup = withRecordTypes((typeId) =>
  isActivityTypeId(typeId) ? getActivityType(typeId) : undefined,
);
