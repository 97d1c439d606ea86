// Summary queries: totals for a period beside the previous period and the same period a year
// earlier, grouped by type, region, post, officer or month, within what the role may see
// (an officer its own entries, a lead its posts, HQ everything). They read the rollups of
// the months concerned only, never the entries.
import { type Role } from '../../../shared/identity/schemas.ts';
import { type RollupRow } from '../../../shared/summary/measures.ts';
import { filterMonth } from '../../../shared/summary/packed.ts';
import { periodMonths, previousPeriod, yearEarlier } from '../../../shared/summary/periods.ts';
import {
  compareSummaries,
  type Comparison,
  type PackedRollups,
  type SummaryQuery,
} from '../../../shared/summary/totals.ts';
import { type LiaisonDb } from './db.ts';
import { readRollupMonths } from './rollup-store.ts';

/** What a device may summarise. */
export type SummaryScope =
  | { readonly role: 'officer'; readonly officerId: string }
  | { readonly role: 'lead'; readonly posts: readonly string[] }
  | { readonly role: 'hq' };

export function scopeFor(
  role: Role,
  officerId: string,
  posts: readonly string[] = [],
): SummaryScope {
  if (role === 'officer') return { role, officerId };
  if (role === 'lead') return { role, posts };
  return { role: 'hq' };
}

export function inScope(row: RollupRow, scope: SummaryScope): boolean {
  return keyInScope(row.key.postCode, row.key.officerId, scope);
}

function keyInScope(postCode: string, officerId: string, scope: SummaryScope): boolean {
  switch (scope.role) {
    case 'officer':
      return officerId === scope.officerId;
    case 'lead':
      return scope.posts.includes(postCode);
    case 'hq':
      return true;
  }
}

/**
 * The rollups in scope for every month the query and its two comparisons touch, packed by
 * month (compareSummaries and reporting read them as they are).
 */
export async function rollupsFor(
  db: LiaisonDb,
  query: SummaryQuery,
  scope: SummaryScope,
): Promise<PackedRollups> {
  const months = new Set([
    ...periodMonths(query.period),
    ...periodMonths(previousPeriod(query.period)),
    ...periodMonths(yearEarlier(query.period)),
  ]);
  const read = await readRollupMonths(db, [...months]);
  // HQ sees everything: its months are passed on as read.
  const packed =
    scope.role === 'hq'
      ? read
      : read.flatMap(
          (month) => filterMonth(month, (post, officer) => keyInScope(post, officer, scope)) ?? [],
        );
  return { packed };
}

/** The summary of a query, compared with the period before and the same period a year earlier. */
export async function loadSummary(
  db: LiaisonDb,
  query: SummaryQuery,
  scope: SummaryScope,
): Promise<Comparison> {
  return compareSummaries(await rollupsFor(db, query, scope), query);
}
