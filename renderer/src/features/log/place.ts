// The log's place filters (region, post, officer) as plain data: the query they make, the
// choices a lead or HQ is offered, and how choosing one narrows or clears the others, so the
// three never contradict each other (a post outside the region, an officer of another post).
import { type Language } from '../../../../shared/domain/catalogue-types.ts';
import { REGIONS, type Post } from '../../../../shared/domain/posts.ts';
import { regionOfPost, type RegionOrUnknown } from '../../../../shared/summary/totals.ts';
import { type ActivityFilter } from '../../db/index.ts';
import { type DeviceIdentity } from '../../db/meta.ts';
import { type ListFilters } from '../../kernel/store.ts';

export type Place = Pick<ListFilters, 'region' | 'postCode' | 'officerId'>;

/** The posts whose entries a lead's place choices cover; undefined for HQ (every post). */
export function visiblePostsOf(identity: DeviceIdentity): readonly string[] | undefined {
  return identity.role === 'lead' ? (identity.posts ?? []) : undefined;
}

/**
 * The query's part for the place: only what is chosen. A lead's region is the region's
 * posts the lead may see (`visiblePosts`), the ones its summaries count, so "Show these
 * entries" lists what the summary counted even while the database still holds entries of a
 * post no longer in the lead's scope.
 */
export function placeFilter(
  filters: Place,
  visiblePosts?: readonly string[],
): Pick<ActivityFilter, 'region' | 'postCode' | 'officerId' | 'visiblePosts'> {
  return {
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.postCode ? { postCode: filters.postCode } : {}),
    ...(filters.officerId ? { officerId: filters.officerId } : {}),
    ...(filters.region && visiblePosts ? { visiblePosts } : {}),
  };
}

/** Whether any place is chosen (the filter bar and the CSV header say so). */
export function hasPlace(filters: Place): boolean {
  return filters.region !== '' || filters.postCode !== '' || filters.officerId !== '';
}

export interface Choice {
  value: string;
  label: string;
}

/** Someone who can be chosen: from the profile, a lead's approvals or the demo roster. */
export interface PlacePerson {
  officerId: string;
  name: string;
  postCode?: string;
}

export interface PlaceWords {
  lang: Language;
  unknownRegion: string;
  postOf: (code: string) => Post | undefined;
}

/** "City (CODE)", or the code alone when no list knows the post. */
export function postLabel(code: string, words: Pick<PlaceWords, 'lang' | 'postOf'>): string {
  const city = words.postOf(code)?.city[words.lang];
  return city ? `${city} (${code})` : code;
}

/** "Name (id)", or the id alone when nobody named the person. */
export function personLabel(person: PlacePerson | undefined, id: string): string {
  return person && person.name !== id ? `${person.name} (${id})` : id;
}

const byLabel = (a: Choice, b: Choice) => a.label.localeCompare(b.label);

/**
 * The regions, posts and officers to choose from: the posts the person may see (a lead's;
 * HQ's profile), within the chosen region; the officers of those posts, within the chosen
 * post. The current choice is always offered, so a filter set from the summaries is shown
 * even when no list names it.
 */
export function placeChoices(
  filters: Place,
  posts: readonly string[],
  people: readonly PlacePerson[],
  words: PlaceWords,
): { regions: Choice[]; posts: Choice[]; officers: Choice[] } {
  const seen = new Set(posts.map(regionOfPost));
  if (filters.region) seen.add(filters.region);
  const regions: Choice[] = [
    ...REGIONS.filter((r) => seen.has(r.id)).map((r) => ({
      value: r.id,
      label: r.name[words.lang],
    })),
    ...(seen.has('unknown') ? [{ value: 'unknown', label: words.unknownRegion }] : []),
  ];
  const inRegion = (code: string) => !filters.region || regionOfPost(code) === filters.region;
  const postCodes = new Set(posts.filter(inRegion));
  if (filters.postCode) postCodes.add(filters.postCode);
  const postChoices = [...postCodes]
    .map((code) => ({ value: code, label: postLabel(code, words) }))
    .sort(byLabel);
  const here = (person: PlacePerson) =>
    person.postCode !== undefined &&
    (filters.postCode ? person.postCode === filters.postCode : postCodes.has(person.postCode));
  const officers = people
    .filter((p) => p.officerId === filters.officerId || here(p))
    .map((p) => ({ value: p.officerId, label: personLabel(p, p.officerId) }));
  if (filters.officerId && !officers.some((o) => o.value === filters.officerId)) {
    officers.push({ value: filters.officerId, label: filters.officerId });
  }
  return { regions, posts: postChoices, officers: officers.sort(byLabel) };
}

/**
 * The filters after one place choice: a new region drops a post outside it and an officer
 * of another post; a new post fixes its region (as the summaries' drill-down does) when a
 * region was chosen, and drops an officer of another post.
 */
export function choosePlace(
  filters: Place,
  patch: Partial<Place>,
  postOfOfficer: (officerId: string) => string | undefined,
): Place {
  const next = { ...filters, ...patch };
  const officerPost = next.officerId ? postOfOfficer(next.officerId) : undefined;
  if (patch.region !== undefined) {
    if (next.postCode && next.region && regionOfPost(next.postCode) !== next.region) {
      next.postCode = '';
    }
    if (officerPost && next.region && regionOfPost(officerPost) !== next.region) {
      next.officerId = '';
    }
  }
  if (patch.postCode !== undefined) {
    if (next.postCode && next.region) next.region = regionOfPost(next.postCode);
    if (officerPost && next.postCode && officerPost !== next.postCode) next.officerId = '';
  }
  return next;
}

/** The words of the CSV header's place lines: each line's name, "All …", and a chosen one's name. */
export interface PlaceHeaderWords {
  readonly region: string;
  readonly post: string;
  readonly officer: string;
  readonly allRegions: string;
  readonly allPosts: string;
  readonly allOfficers: string;
  readonly regionName: (region: RegionOrUnknown) => string;
  readonly postName: (code: string) => string;
  readonly officerName: (officerId: string) => string;
}

/** Where the exported entries are from: region, post and officer, "All …" when not chosen. */
export function placeHeaderLines(
  filter: Pick<ActivityFilter, 'region' | 'postCode' | 'officerId'>,
  words: PlaceHeaderWords,
): [string, string][] {
  const { region, postCode, officerId } = filter;
  return [
    [words.region, region === undefined ? words.allRegions : words.regionName(region)],
    [words.post, postCode === undefined ? words.allPosts : words.postName(postCode)],
    [words.officer, officerId === undefined ? words.allOfficers : words.officerName(officerId)],
  ];
}
