// Who reported in a period, from the rollups the screen already holds: each post expected
// to report (the profile's active posts within the role's scope, and any post that sent
// entries) and each officer seen in the three periods read, with the months it reported
// (any entry counted or not), missing months and reporting rate, silent first
// (shared/summary/completeness.ts). Posts and officers have no start or end dates yet: an
// open unit is expected every month of the period that is over.
import { type RollupRow } from '../../../../shared/summary/measures.ts';
import {
  completenessTable,
  type CompletenessRow,
  type ReportingUnit,
} from '../../../../shared/summary/completeness.ts';
import { matchesFilter, type SummaryFilter } from '../../../../shared/summary/totals.ts';

export interface ReportingInput {
  /** Rollup rows within the role's scope (any months: those outside the period name units). */
  readonly rows: readonly RollupRow[];
  /** The period's months ('YYYY-MM'). */
  readonly months: readonly string[];
  /** Posts that should report whether or not they sent anything. */
  readonly expectedPosts: readonly string[];
  /** Where the screen is: region, post or officer narrow the units; types do not. */
  readonly filter: SummaryFilter;
  /** Today ('YYYY-MM-DD'): the month under way is never missing. */
  readonly asOf: string;
}

export interface Reporting {
  readonly posts: readonly CompletenessRow[];
  readonly officers: readonly CompletenessRow[];
  /** Each officer's post (the one of its latest rollup row). */
  readonly officerPost: ReadonlyMap<string, string>;
}

export function reporting(input: ReportingInput): Reporting {
  const { region, postCode, officerId } = input.filter;
  const where: SummaryFilter = {
    ...(region === undefined ? {} : { region }),
    ...(postCode === undefined ? {} : { postCode }),
    ...(officerId === undefined ? {} : { officerId }),
  };
  const inPeriod = new Set(input.months);
  const postMonths = new Map<string, Set<string>>();
  const officerMonths = new Map<string, Set<string>>();
  const officerPost = new Map<string, string>();
  const latest = new Map<string, string>();
  const monthsOf = (map: Map<string, Set<string>>, id: string) => {
    const months = map.get(id) ?? new Set<string>();
    map.set(id, months);
    return months;
  };
  for (const row of input.rows) {
    if (!matchesFilter(row, where)) continue;
    const { month, postCode: post, officerId: officer } = row.key;
    const posts = monthsOf(postMonths, post);
    const officers = monthsOf(officerMonths, officer);
    if (inPeriod.has(month)) {
      posts.add(month);
      officers.add(month);
    }
    if ((latest.get(officer) ?? '') <= month) {
      latest.set(officer, month);
      officerPost.set(officer, post);
    }
  }
  // An officer's own view has no posts to expect; otherwise the posts of this place.
  if (officerId === undefined) {
    for (const code of input.expectedPosts) {
      const probe: RollupRow = {
        key: { month: '', postCode: code, officerId: '', type: '' },
        counters: {},
      };
      if (matchesFilter(probe, where)) monthsOf(postMonths, code);
    }
  }
  const units = (kind: 'post' | 'officer', map: Map<string, Set<string>>): ReportingUnit[] =>
    [...map].map(([id, reportedMonths]) => ({ kind, id, reportedMonths }));
  return {
    posts: completenessTable(units('post', postMonths), input.months, input.asOf),
    officers: completenessTable(units('officer', officerMonths), input.months, input.asOf),
    officerPost,
  };
}
