// Who reported in a period, from the rollups the screen already holds: each post expected
// to report (the profile's active posts within the role's scope, and any post that sent
// entries) and each officer the profile lists or seen in the three periods read, with the
// months it reported (any entry counted or not, or a nil report), the months reported by a
// nil report alone, missing months and reporting rate, silent first
// (shared/summary/completeness.ts). A post is expected from the day it opened to the day it
// closed, an officer from its start to its end at its post, when the profile gives them.
import { NIL_REPORT_TYPE } from '../../../../shared/domain/nil-report.ts';
import { type RollupRow } from '../../../../shared/summary/measures.ts';
import { forEachCell } from '../../../../shared/summary/packed.ts';
import {
  completenessTable,
  type CompletenessRow,
  type ReportingUnit,
} from '../../../../shared/summary/completeness.ts';
import {
  keyMatches,
  matchesFilter,
  packedMonths,
  type RollupSource,
  type SummaryFilter,
} from '../../../../shared/summary/totals.ts';

/** When a unit could report ('YYYY-MM-DD'; open before the period / still open when absent). */
export interface UnitDates {
  readonly startOn?: string | undefined;
  readonly endOn?: string | undefined;
}

export interface ExpectedOfficer extends UnitDates {
  readonly officerId: string;
  readonly postCode: string;
}

export interface ReportingInput {
  /** Rollups within the role's scope (any months: those outside the period name units). */
  readonly rows: RollupSource;
  /** The period's months ('YYYY-MM'). */
  readonly months: readonly string[];
  /** Posts that should report whether or not they sent anything. */
  readonly expectedPosts: readonly string[];
  /** Opening and closing dates of posts, by code (the signed profile's). */
  readonly postDates?: ReadonlyMap<string, UnitDates>;
  /** Officers that should report whether or not they sent anything (the profile's). */
  readonly expectedOfficers?: readonly ExpectedOfficer[];
  /** Where the screen is: region, post or officer narrow the units; types do not. */
  readonly filter: SummaryFilter;
  /** Today ('YYYY-MM-DD'): the month under way is never missing. */
  readonly asOf: string;
}

export interface Reporting {
  readonly posts: readonly CompletenessRow[];
  readonly officers: readonly CompletenessRow[];
  /** Each officer's post (the one of its latest rollup row, else the profile's). */
  readonly officerPost: ReadonlyMap<string, string>;
}

/** A unit's months: with an entry, and with a nil report. */
interface Seen {
  readonly entries: Set<string>;
  readonly nil: Set<string>;
}

function probe(postCode: string, officerId: string): RollupRow {
  return { key: { month: '', postCode, officerId, type: '' }, counters: {} };
}

export function reporting(input: ReportingInput): Reporting {
  const { region, postCode, officerId } = input.filter;
  const where: SummaryFilter = {
    ...(region === undefined ? {} : { region }),
    ...(postCode === undefined ? {} : { postCode }),
    ...(officerId === undefined ? {} : { officerId }),
  };
  const inPeriod = new Set(input.months);
  const postMonths = new Map<string, Seen>();
  const officerMonths = new Map<string, Seen>();
  const officerPost = new Map<string, string>();
  const latest = new Map<string, string>();
  const monthsOf = (map: Map<string, Seen>, id: string): Seen => {
    const seen = map.get(id) ?? { entries: new Set<string>(), nil: new Set<string>() };
    map.set(id, seen);
    return seen;
  };
  // Cell by cell from the packed months, without an object per cell.
  forEachCell(packedMonths(input.rows), (month, post, officer, type) => {
    if (!keyMatches(post, officer, type, where)) return;
    const posts = monthsOf(postMonths, post);
    const officers = monthsOf(officerMonths, officer);
    if (inPeriod.has(month)) {
      const kind = type === NIL_REPORT_TYPE ? 'nil' : 'entries';
      posts[kind].add(month);
      officers[kind].add(month);
    }
    // The latest month wins; within one month the greatest post code, whatever the order.
    const seen = latest.get(officer);
    if (
      seen === undefined ||
      seen < month ||
      (seen === month && (officerPost.get(officer) ?? '') < post)
    ) {
      latest.set(officer, month);
      officerPost.set(officer, post);
    }
  });
  // An officer's own view has no posts to expect; otherwise the posts of this place.
  if (officerId === undefined) {
    for (const code of input.expectedPosts) {
      if (matchesFilter(probe(code, ''), where)) monthsOf(postMonths, code);
    }
  }
  const officerDates = new Map<string, UnitDates>();
  for (const officer of input.expectedOfficers ?? []) {
    officerDates.set(officer.officerId, officer);
    if (!matchesFilter(probe(officer.postCode, officer.officerId), where)) continue;
    monthsOf(officerMonths, officer.officerId);
    if (!officerPost.has(officer.officerId)) officerPost.set(officer.officerId, officer.postCode);
  }
  const units = (
    kind: 'post' | 'officer',
    map: Map<string, Seen>,
    dates: ReadonlyMap<string, UnitDates> | undefined,
  ): ReportingUnit[] =>
    [...map].map(([id, seen]) => {
      const { startOn, endOn } = dates?.get(id) ?? {};
      return {
        kind,
        id,
        ...(startOn === undefined ? {} : { startOn }),
        ...(endOn === undefined ? {} : { endOn }),
        reportedMonths: [...seen.entries, ...seen.nil],
        nilMonths: [...seen.nil].filter((month) => !seen.entries.has(month)),
      };
    });
  return {
    posts: completenessTable(units('post', postMonths, input.postDates), input.months, input.asOf),
    officers: completenessTable(
      units('officer', officerMonths, officerDates),
      input.months,
      input.asOf,
    ),
    officerPost,
  };
}

/** What completeness expects, as the signed profile says it. */
export interface ProfileExpectations {
  readonly expectedPosts: readonly string[];
  readonly postDates: ReadonlyMap<string, UnitDates>;
  readonly expectedOfficers: readonly ExpectedOfficer[];
}

interface ProfileLike {
  readonly posts: readonly {
    readonly code: string;
    readonly retired?: boolean | undefined;
    readonly openedOn?: string | undefined;
    readonly closedOn?: string | undefined;
  }[];
  readonly devices: readonly {
    readonly officerId: string;
    readonly role: string;
    readonly postCode?: string | undefined;
    readonly startOn?: string | undefined;
    readonly endOn?: string | undefined;
  }[];
}

/**
 * The posts and officers the profile expects reports from, within `posts` (a lead's) or all:
 * the active posts, and a retired one that has a closing date (expected until it closed); the
 * officers of its officer devices, each from its earliest start to its latest end over its
 * devices (no date on one device: no bound on that side).
 */
export function profileExpectations(
  profile: ProfileLike,
  posts?: readonly string[],
): ProfileExpectations {
  const inScope = (code: string | undefined) =>
    code !== undefined && (posts === undefined || posts.includes(code));
  const postDates = new Map<string, UnitDates>();
  const expectedPosts: string[] = [];
  for (const post of profile.posts) {
    postDates.set(post.code, { startOn: post.openedOn, endOn: post.closedOn });
    if (inScope(post.code) && (post.retired !== true || post.closedOn !== undefined))
      expectedPosts.push(post.code);
  }
  const officers = new Map<string, ExpectedOfficer>();
  for (const device of profile.devices) {
    if (device.role !== 'officer' || !inScope(device.postCode)) continue;
    const seen = officers.get(device.officerId);
    const startOn =
      seen && (seen.startOn === undefined || device.startOn === undefined)
        ? undefined
        : [seen?.startOn, device.startOn].filter((d) => d !== undefined).sort()[0];
    const endOn =
      seen && (seen.endOn === undefined || device.endOn === undefined)
        ? undefined
        : [seen?.endOn, device.endOn]
            .filter((d) => d !== undefined)
            .sort()
            .at(-1);
    officers.set(device.officerId, {
      officerId: device.officerId,
      postCode: device.postCode as string,
      startOn,
      endOn,
    });
  }
  return { expectedPosts, postDates, expectedOfficers: [...officers.values()] };
}
