// The demo network's activity, FY 2009–10 to FY 2012–13: deterministic from a seed (same seed,
// same entries, same bytes), realistic in mix and season, and with FY 2010–11 network totals
// equal to the fact-sheet figures in targets.ts. See docs/demo-data.md.
import { type Activity } from '../domain/activity.ts';
import { type ActivityTypeId } from '../domain/catalogue-types.ts';
import { getActivityType, getField } from '../domain/catalogue.ts';
import { daysInMonth, formatIsoDate } from '../domain/dates.ts';
import { DEMO_POSTS, type Post, type RegionId } from '../domain/posts.ts';
import { nilReportDate, nilReportId, nilReportType } from '../domain/nil-report.ts';
import { type Json } from '../sync/change.ts';
import { type DemoOfficer } from '../identity/demo.ts';
import { headlineCount } from './counts.ts';
import { type Rng, seededIdSource, seededRng } from './prng.ts';
import { DEMO_ROSTER, officersAt } from './roster.ts';
import {
  CRISES,
  FACT_SHEET_FY,
  FACT_SHEET_TARGETS,
  YEAR_FACTORS,
  type Crisis,
  type TargetedType,
} from './targets.ts';

/** The fiscal years generated (FY 2009–10 starts 1 April 2009). */
export const DEMO_FISCAL_YEARS: readonly number[] = [2009, 2010, 2011, 2012];
export const DEFAULT_DEMO_SEED = 'liaison-log-demo-2012';

/** A calendar month, 'YYYY-MM'. */
export type Month = string;

/** A post and month on purpose left without any entry (see NOTHING_TO_REPORT below). */
export interface SilentPeriod {
  readonly postCode: string;
  readonly months: readonly Month[];
}

/**
 * Posts silent on purpose, so a completeness view has something to show: Kingston for the
 * second quarter of FY 2010–11, Beirut for the last quarter of FY 2011–12.
 */
export const SILENT_PERIODS: readonly SilentPeriod[] = [
  { postCode: 'KIN', months: ['2010-07', '2010-08', '2010-09'] },
  { postCode: 'BEY', months: ['2012-01', '2012-02', '2012-03'] },
];

/** One officer-month with nothing to report: an officer idle that month (on leave). */
export interface NothingToReportMonth {
  readonly officer: DemoOfficer;
  readonly postCode: string;
  readonly month: Month;
}

/**
 * NIL REPORT HOOK. Some officers take a month of leave in a quiet month (July, August or
 * December): they log no routine work then, and when no counted entry falls to them either,
 * the month is genuinely idle. `nothingToReport` is called for each such officer-month (never
 * for the silent posts' months, which stay silent) and makes its nil report; what it returns
 * joins the entries (and the officer's change list). The app passes `demoNilReport`.
 */
export type NothingToReportHook = (month: NothingToReportMonth) => Activity | null;

export interface GenerateOptions {
  readonly seed?: string;
  /** Record ids; defaults to a source seeded by `seed`, so the output is reproducible. */
  readonly newId?: () => string;
  readonly nothingToReport?: NothingToReportHook;
}

export interface DemoData {
  readonly seed: string;
  /** Every entry, ordered by createdAt then id. */
  readonly entries: readonly Activity[];
  /** The officer-months left empty on purpose (SILENT_PERIODS): no entry, no nil report. */
  readonly silent: readonly NothingToReportMonth[];
  /** The officer-months genuinely idle (on leave, no entry at all): the hook's months. */
  readonly idle: readonly NothingToReportMonth[];
}

// ---- tables --------------------------------------------------------------------------------

// prettier-ignore
const ALPHA3: Readonly<Record<string, string>> = {
  CO: 'COL', MX: 'MEX', BR: 'BRA', PE: 'PER', HT: 'HTI', DO: 'DOM', JM: 'JAM', PA: 'PAN',
  GB: 'GBR', FR: 'FRA', DE: 'DEU', NL: 'NLD', IT: 'ITA', ES: 'ESP', BE: 'BEL', AT: 'AUT',
  GR: 'GRC', TR: 'TUR', PL: 'POL', SN: 'SEN', GH: 'GHA', NG: 'NGA', KE: 'KEN', ET: 'ETH',
  EG: 'EGY', TN: 'TUN', MA: 'MAR', AE: 'ARE', QA: 'QAT', JO: 'JOR', IL: 'ISR', LB: 'LBN',
  IN: 'IND', PK: 'PAK', LK: 'LKA', BD: 'BGD', TH: 'THA', PH: 'PHL', SG: 'SGP', HK: 'HKG',
  CN: 'CHN', JP: 'JPN', KR: 'KOR', AU: 'AUS', MY: 'MYS',
};

/** The main airport where the city code is not an airport's. */
// prettier-ignore
const AIRPORT: Readonly<Record<string, string>> = {
  LON: 'LHR', PAR: 'CDG', ROM: 'FCO', TYO: 'NRT', SEL: 'ICN', BJS: 'PEK', SAO: 'GRU',
  SHA: 'PVG', RBA: 'CMN',
};

/** Relative weight of a post for each counted type (1 when not listed). */
// prettier-ignore
const POST_WEIGHT: Readonly<Record<TargetedType, Readonly<Record<string, number>>>> = {
  interdiction: {
    LON: 5, PAR: 5, FRA: 5, AMS: 4, MEX: 4, BOG: 3, HKG: 4, DEL: 3, MNL: 3, LOS: 3, IST: 3,
    BKK: 3, SAO: 2, TYO: 2, SEL: 2, BJS: 2, PTY: 2, SIN: 2, AUH: 2, DOH: 2, MAD: 2,
  },
  removal: {
    MEX: 6, KIN: 3, PAP: 2, SDQ: 2, LOS: 2, DEL: 2, IXC: 3, BOM: 2, BJS: 3, CAN: 2, ISB: 2,
    CMB: 2, MNL: 2, BOG: 2, LIM: 2, ACC: 2,
  },
  facilitation: { LON: 2, PAR: 2, MEX: 2, DEL: 2, HKG: 2, BKK: 2 },
  training: { BOG: 1.5, MEX: 1.5, LOS: 1.5, DEL: 1.5, MNL: 1.5, HKG: 1.5, ACC: 1.3, DKR: 1.3 },
};

/** Weight of each calendar month (index 0 = January) for each counted type. */
const SEASON: Readonly<Record<TargetedType, readonly number[]>> = {
  // Spring and fall: training clusters in March–May and September–November.
  training: [1.0, 1.2, 2.0, 2.2, 2.0, 0.8, 0.3, 0.3, 2.0, 2.2, 1.8, 0.4],
  // Summer and Christmas travel.
  interdiction: [1.0, 0.9, 1.0, 1.0, 1.0, 1.2, 1.4, 1.4, 1.0, 1.0, 1.0, 1.3],
  facilitation: [1.0, 0.9, 1.0, 1.0, 1.0, 1.2, 1.4, 1.4, 1.0, 1.0, 1.0, 1.3],
  removal: [1.0, 1.0, 1.1, 1.0, 1.0, 0.9, 0.8, 0.8, 1.0, 1.1, 1.1, 0.9],
};

const CARRIERS = ['AC', 'AF', 'BA', 'LH', 'KL', 'AM', 'AV', 'EK', 'QR', 'TK', 'CX', 'PR', 'AI'];
const DOC_COUNTRIES = ['HTI', 'NGA', 'IND', 'CHN', 'MEX', 'COL', 'GBR', 'FRA', 'D', 'USA'];
const CITIES_IN_CANADA = ['Montréal', 'Toronto', 'Vancouver', 'Calgary', 'Ottawa', 'Halifax'];
const LIAISON_SUBJECTS = [
  'Quarterly meeting on irregular migration trends',
  'Airline document-check procedures',
  'Joint border strategy working group',
  'Briefing on new visa requirements',
  'Fraud trends exchange with allied liaison officers',
  'Removal coordination with host authorities',
];
const REPORT_TITLES = [
  'Irregular migration trends, monthly summary',
  'Smuggling route observed through the region',
  'New counterfeit passport series',
  'Carrier compliance review',
];

/** The UTC hours an officer of the region writes in: the post's working day, same date. */
const WRITING_HOURS: Readonly<Record<RegionId, readonly [number, number]>> = {
  americas: [14, 21],
  europe: [8, 15],
  'africa-middle-east': [7, 14],
  'asia-pacific': [1, 7],
};

// ---- helpers -------------------------------------------------------------------------------

function options(type: ActivityTypeId, field: string): readonly string[] {
  const def = getField(getActivityType(type), field);
  return (def?.options ?? []).map((o) => o.value);
}

/** Some of the options, in catalogue order; at least one. */
function someOf(rng: Rng, values: readonly string[], p: number): string[] {
  const chosen = values.filter(() => rng.chance(p));
  return chosen.length > 0 ? chosen : [rng.pick(values)];
}

function monthKey(year: number, month: number): Month {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The twelve calendar months of a fiscal year, April first. */
function fiscalMonths(fy: number): { year: number; month: number }[] {
  return Array.from({ length: 12 }, (_, i) => ({
    year: i < 9 ? fy : fy + 1,
    month: ((3 + i) % 12) + 1,
  }));
}

/** Share of officers who take a month of leave in a fiscal year. */
const LEAVE_SHARE = 0.2;

/**
 * The month an officer is on leave in a fiscal year, or null: drawn from a source of its own
 * (seed, officer, year), so it moves nothing else the generator draws.
 */
function leaveMonth(seed: string, officerId: string, fy: number): Month | null {
  const rng = seededRng(`${seed}/leave/${officerId}/${fy}`);
  if (!rng.chance(LEAVE_SHARE)) return null;
  const month = rng.pick([7, 8, 12]);
  return monthKey(month >= 4 ? fy : fy + 1, month);
}

/**
 * The officer who takes an entry: the one drawn, unless on leave that month, then the next of
 * the post on duty (a post whose only officer is on leave keeps it: that month is not idle).
 */
function onDuty(
  leave: LeaveMonths,
  officers: readonly DemoOfficer[],
  drawn: DemoOfficer,
  month: Month,
): DemoOfficer {
  if (leave.get(drawn.officerId) !== month) return drawn;
  return officers.find((o) => leave.get(o.officerId) !== month) ?? drawn;
}

/** Each officer's month of leave in one fiscal year (null: none). */
type LeaveMonths = ReadonlyMap<string, Month | null>;

function leaveMonths(seed: string, fy: number): LeaveMonths {
  return new Map(DEMO_ROSTER.map((o) => [o.officerId, leaveMonth(seed, o.officerId, fy)]));
}

function isSilent(postCode: string, month: Month): boolean {
  return SILENT_PERIODS.some((s) => s.postCode === postCode && s.months.includes(month));
}

function crisisFor(postCode: string, month: Month): { crisis: Crisis; factor: number } | null {
  for (const crisis of CRISES) {
    const wave = crisis.waves.find((w) => w.postCode === postCode && w.month === month);
    if (wave) return { crisis, factor: wave.facilitationFactor };
  }
  return null;
}

/** A size for one entry of a counted type (persons, removals, people trained). */
function drawSize(rng: Rng, type: TargetedType, inCrisis: boolean): number {
  const r = rng.next();
  switch (type) {
    case 'interdiction':
      return r < 0.8 ? 1 : r < 0.95 ? rng.int(2, 3) : rng.int(4, 6);
    case 'facilitation':
      if (inCrisis) return rng.int(3, 30);
      return r < 0.6 ? 1 : r < 0.9 ? rng.int(2, 4) : rng.int(5, 8);
    case 'removal':
      return r < 0.85 ? 1 : r < 0.95 ? rng.int(2, 4) : rng.int(15, 60);
    case 'training':
      return r < 0.85 ? rng.int(8, 40) : rng.int(60, 200);
  }
}

// ---- the generator -------------------------------------------------------------------------

interface Draft {
  readonly type: ActivityTypeId;
  readonly officer: DemoOfficer;
  readonly post: Post;
  readonly occurredOn: string;
  readonly data: Record<string, Json>;
}

class Builder {
  private serial = 0;
  constructor(private readonly rng: Rng) {}

  private fictionalName(): string {
    this.serial++;
    return `Fictional Traveller ${String(this.serial).padStart(5, '0')}`;
  }

  private fictionalNumber(prefix: string): string {
    return `${prefix}${String(this.rng.int(0, 9999999)).padStart(7, '0')}`;
  }

  counted(type: TargetedType, post: Post, occurredOn: string, size: number, crisis: boolean) {
    const rng = this.rng;
    const data: Record<string, Json> = {};
    switch (type) {
      case 'interdiction': {
        const carrier = rng.pick(CARRIERS);
        data['airport'] = AIRPORT[post.code] ?? post.code;
        data['carrier'] = carrier;
        if (rng.chance(0.7)) data['flightNumber'] = `${carrier} ${rng.int(1, 999)}`;
        data['documentType'] = rng.pick(options('interdiction', 'documentType'));
        data['fraudType'] = rng.pick(options('interdiction', 'fraudType'));
        if (rng.chance(0.8)) data['documentCountry'] = rng.pick(DOC_COUNTRIES);
        data['persons'] = size;
        data['outcome'] = rng.pick(options('interdiction', 'outcome'));
        if (rng.chance(0.5)) data['travellerName'] = this.fictionalName();
        if (rng.chance(0.4)) {
          data['dateOfBirth'] = formatIsoDate(rng.int(1950, 1995), rng.int(1, 12), rng.int(1, 28));
        }
        if (rng.chance(0.4)) data['documentNumber'] = this.fictionalNumber('DEMO');
        if (rng.chance(0.2)) data['notes'] = 'Demo data: a fictional case, no real person.';
        break;
      }
      case 'facilitation':
        data['reason'] = crisis
          ? 'crisis'
          : rng.pick(['lost-documents', 'lost-documents', 'medical', 'other']);
        data['persons'] = size;
        data['travellerStatus'] = rng.pick(options('facilitation', 'travellerStatus'));
        if (rng.chance(0.5)) data['travellerName'] = this.fictionalName();
        if (rng.chance(0.3)) data['fileNumber'] = this.fictionalNumber('DEMO-F');
        if (rng.chance(0.6)) data['destination'] = rng.pick(CITIES_IN_CANADA);
        if (rng.chance(0.2)) data['notes'] = 'Demo data: fictional travellers.';
        break;
      case 'removal': {
        const escorted = rng.chance(0.3);
        const assistance = someOf(rng, options('removal', 'assistance'), 0.35).filter(
          (a) => escorted || a !== 'escort',
        );
        data['removals'] = size;
        data['assistance'] = escorted
          ? options('removal', 'assistance').filter((a) => a === 'escort' || assistance.includes(a))
          : assistance.length > 0
            ? assistance
            : ['travel-document'];
        data['escorted'] = escorted;
        data['destinationCountry'] = ALPHA3[post.country] ?? 'CAN';
        if (rng.chance(0.4)) data['fileNumber'] = this.fictionalNumber('DEMO-R');
        if (rng.chance(0.1)) data['notes'] = 'Demo data: a fictional removal file.';
        break;
      }
      case 'training':
        data['audience'] = rng.pick(options('training', 'audience'));
        if (rng.chance(0.7)) data['organization'] = `Demo partner agency ${rng.int(1, 40)}`;
        if (rng.chance(0.5)) data['location'] = post.city.en;
        data['peopleTrained'] = size;
        if (rng.chance(0.8)) data['durationHours'] = rng.int(2, 16);
        if (rng.chance(0.8)) data['topics'] = someOf(rng, options('training', 'topics'), 0.4);
        break;
    }
    return { occurredOn, data };
  }

  evacuation(crisis: Crisis, screened: number): Record<string, Json> {
    const rng = this.rng;
    const referred = rng.int(0, Math.min(3, screened));
    return {
      crisis: crisis.name,
      location: crisis.location,
      screened,
      cleared: screened - referred,
      referred,
      destination: rng.chance(crisis.safeThirdCountryShare) ? 'safe-third-country' : 'canada',
      transport: crisis.transport,
    };
  }

  liaison(): Record<string, Json> {
    const rng = this.rng;
    const data: Record<string, Json> = {
      counterpart: rng.pick(options('liaison', 'counterpart')),
      jointActivity: rng.chance(0.15),
      meetings: rng.chance(0.8) ? 1 : rng.int(2, 4),
      subject: rng.pick(LIAISON_SUBJECTS),
    };
    if (rng.chance(0.7)) data['format'] = rng.pick(options('liaison', 'format'));
    return data;
  }

  infoReport(year: number): Record<string, Json> {
    const rng = this.rng;
    return {
      priority: `PIR-${year}-${String(rng.int(1, 12)).padStart(2, '0')}`,
      classification: rng.pick(options('info-report', 'classification')),
      title: rng.pick(REPORT_TITLES),
      body: 'Fictional demo report. Nothing in it describes real people or events.',
      reports: 1,
    };
  }
}

function dayIn(rng: Rng, year: number, month: number, from = 1, to?: number): string {
  const last = Math.min(to ?? daysInMonth(year, month), daysInMonth(year, month));
  return formatIsoDate(year, month, rng.int(Math.min(from, last), last));
}

/** Counted entries of one fiscal year and type, their sum equal to `target`. */
function countedYear(
  rng: Rng,
  builder: Builder,
  type: TargetedType,
  fy: number,
  target: number,
  leave: LeaveMonths,
): Draft[] {
  const cells: { post: Post; year: number; month: number; weight: number; crisis: boolean }[] = [];
  for (const { year, month } of fiscalMonths(fy)) {
    const key = monthKey(year, month);
    for (const post of DEMO_POSTS) {
      if (isSilent(post.code, key)) continue;
      const crisis = crisisFor(post.code, key);
      let weight = (POST_WEIGHT[type][post.code] ?? 1) * (SEASON[type][month - 1] ?? 1);
      if (type === 'facilitation' && crisis) weight *= crisis.factor;
      // Removals to Haiti stopped after the earthquake, until spring 2011.
      if (type === 'removal' && post.code === 'PAP' && key >= '2010-01' && key <= '2011-03') {
        weight *= 0.1;
      }
      weight *= 0.75 + rng.next() * 0.5;
      cells.push({ post, year, month, weight, crisis: crisis !== null });
    }
  }
  const totalWeight = cells.reduce((s, c) => s + c.weight, 0);
  const drafts: Draft[] = [];
  for (const cell of cells) {
    let left = Math.round((target * cell.weight) / totalWeight);
    const officers = officersAt(cell.post.code);
    while (left > 0) {
      const size = Math.min(left, drawSize(rng, type, cell.crisis));
      left -= size;
      const occurredOn = dayIn(rng, cell.year, cell.month);
      const built = builder.counted(type, cell.post, occurredOn, size, cell.crisis);
      const officer = onDuty(leave, officers, rng.pick(officers), monthKey(cell.year, cell.month));
      drafts.push({ type, officer, post: cell.post, ...built });
    }
  }
  adjustToTarget(drafts, type, target);
  return drafts;
}

/**
 * Rounding leaves the year a few off its target: the last entries of the year (by date) take
 * the difference, each moved by at most 3 and kept within the field's bounds.
 */
function adjustToTarget(drafts: Draft[], type: TargetedType, target: number): void {
  const def = getActivityType(type);
  const field = getField(def, def.countField);
  const min = field?.min ?? 1;
  const max = field?.max ?? Number.MAX_SAFE_INTEGER;
  let delta = target - drafts.reduce((s, d) => s + headlineCount(d), 0);
  const lastFirst = drafts
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      a.d.occurredOn < b.d.occurredOn ? 1 : a.d.occurredOn > b.d.occurredOn ? -1 : b.i - a.i,
    );
  for (let round = 0; delta !== 0 && round < 1000; round++) {
    for (const { d } of lastFirst) {
      if (delta === 0) break;
      const value = headlineCount(d);
      const step = delta > 0 ? Math.min(delta, 3, max - value) : -Math.min(-delta, 3, value - min);
      if (step === 0) continue;
      d.data[def.countField] = value + step;
      delta -= step;
    }
  }
  if (delta !== 0) throw new Error(`Cannot reach the ${type} target ${target}`);
}

function crisisEvacuations(rng: Rng, builder: Builder): Draft[] {
  const drafts: Draft[] = [];
  for (const crisis of CRISES) {
    for (const wave of crisis.waves) {
      const post = DEMO_POSTS.find((p) => p.code === wave.postCode);
      if (!post || wave.evacuations === 0) continue;
      const [year, month] = wave.month.split('-').map(Number) as [number, number];
      const officers = officersAt(post.code);
      for (let i = 0; i < wave.evacuations; i++) {
        const occurredOn = dayIn(rng, year, month, wave.fromDay, wave.toDay);
        const screened = rng.int(wave.screened[0], wave.screened[1]);
        drafts.push({
          type: 'evacuation',
          officer: rng.pick(officers),
          post,
          occurredOn,
          data: builder.evacuation(crisis, screened),
        });
      }
    }
  }
  return drafts;
}

/**
 * Liaison meetings and information reports: every officer, every month not silent. A month of
 * leave is drawn like any other and then dropped, so every later draw stays as it was.
 */
function routineWork(rng: Rng, builder: Builder, fy: number, leave: LeaveMonths): Draft[] {
  const kept: Draft[] = [];
  for (const { year, month } of fiscalMonths(fy)) {
    const key = monthKey(year, month);
    const quiet = month === 7 || month === 8 || month === 12 ? 0.6 : 1;
    for (const officer of DEMO_ROSTER) {
      if (isSilent(officer.postCode, key)) continue;
      const drafts: Draft[] = leave.get(officer.officerId) === key ? [] : kept;
      const post = DEMO_POSTS.find((p) => p.code === officer.postCode) as Post;
      const meetings = Math.round(rng.int(3, 9) * quiet);
      for (let i = 0; i < meetings; i++) {
        drafts.push({
          type: 'liaison',
          officer,
          post,
          occurredOn: dayIn(rng, year, month),
          data: builder.liaison(),
        });
      }
      const reports = rng.int(0, 2);
      for (let i = 0; i < reports; i++) {
        drafts.push({
          type: 'info-report',
          officer,
          post,
          occurredOn: dayIn(rng, year, month),
          data: builder.infoReport(year),
        });
      }
      // A rare small evacuation outside the big crises (local unrest, a hurricane).
      if (rng.chance(0.004)) {
        drafts.push({
          type: 'evacuation',
          officer,
          post,
          occurredOn: dayIn(rng, year, month),
          data: builder.evacuation(LOCAL_EMERGENCY, rng.int(1, 6)),
        });
      }
    }
  }
  return kept;
}

const LOCAL_EMERGENCY: Crisis = {
  name: 'Local emergency',
  location: 'International airport',
  transport: 'air',
  safeThirdCountryShare: 0,
  waves: [],
};

function isoTime(rng: Rng, draft: Draft): string {
  const [from, to] = WRITING_HOURS[draft.post.region];
  const h = String(rng.int(from, to)).padStart(2, '0');
  const m = String(rng.int(0, 59)).padStart(2, '0');
  const s = String(rng.int(0, 59)).padStart(2, '0');
  const ms = String(rng.int(0, 999)).padStart(3, '0');
  return `${draft.occurredOn}T${h}:${m}:${s}.${ms}Z`;
}

/** The demo network's entries for DEMO_FISCAL_YEARS. Pure and deterministic given the seed. */
export function generateDemoData(opts: GenerateOptions = {}): DemoData {
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const newId = opts.newId ?? seededIdSource(seed);
  const rng = seededRng(seed);
  const builder = new Builder(seededRng(`${seed}/values`));
  const drafts: Draft[] = [];
  for (const fy of DEMO_FISCAL_YEARS) {
    const leave = leaveMonths(seed, fy);
    for (const type of Object.keys(FACT_SHEET_TARGETS) as TargetedType[]) {
      const base = FACT_SHEET_TARGETS[type].value;
      const target = fy === FACT_SHEET_FY ? base : Math.round(base * (YEAR_FACTORS[type][fy] ?? 1));
      drafts.push(...countedYear(rng, builder, type, fy, target, leave));
    }
    drafts.push(...routineWork(rng, builder, fy, leave));
  }
  drafts.push(...crisisEvacuations(rng, builder));

  const entries: Activity[] = drafts.map((d) => {
    const createdAt = isoTime(rng, d);
    return {
      id: newId(),
      type: d.type,
      schemaVersion: getActivityType(d.type).version,
      officerId: d.officer.officerId,
      postCode: d.post.code,
      occurredOn: d.occurredOn,
      data: d.data,
      review: { status: 'pending' },
      deleted: false,
      createdAt,
      updatedAt: createdAt,
    };
  });

  const silent: NothingToReportMonth[] = [];
  for (const period of SILENT_PERIODS) {
    for (const month of period.months) {
      for (const officer of officersAt(period.postCode)) {
        silent.push({ officer, postCode: period.postCode, month });
      }
    }
  }
  const idle = idleMonths(seed, entries);
  for (const m of idle) {
    const nil = opts.nothingToReport?.(m);
    if (nil) entries.push(nil);
  }

  entries.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
  );
  return { seed, entries, silent, idle };
}

/** The officers' leave months in which they have no entry at all, in year and roster order. */
function idleMonths(seed: string, entries: readonly Activity[]): NothingToReportMonth[] {
  const busy = new Set(entries.map((e) => `${e.officerId} ${e.occurredOn.slice(0, 7)}`));
  const idle: NothingToReportMonth[] = [];
  for (const fy of DEMO_FISCAL_YEARS) {
    const leave = leaveMonths(seed, fy);
    for (const officer of DEMO_ROSTER) {
      const month = leave.get(officer.officerId) ?? null;
      if (month === null || isSilent(officer.postCode, month)) continue;
      if (busy.has(`${officer.officerId} ${month}`)) continue;
      idle.push({ officer, postCode: officer.postCode, month });
    }
  }
  return idle;
}

/**
 * The nil report an idle officer files for its month (the hook the app passes): dated the first
 * of the month, filed on its last day, its id fixed by officer and month so the same demo data
 * gives the same records.
 */
export function demoNilReport(m: NothingToReportMonth): Activity {
  const [year, month] = m.month.split('-').map(Number) as [number, number];
  const filedAt = `${formatIsoDate(year, month, daysInMonth(year, month))}T16:00:00.000Z`;
  return {
    id: nilReportId(m.month, m.officer.officerId, 'demo'),
    type: nilReportType.id,
    schemaVersion: nilReportType.version,
    officerId: m.officer.officerId,
    postCode: m.postCode,
    occurredOn: nilReportDate(m.month),
    data: {},
    review: { status: 'pending' },
    deleted: false,
    createdAt: filedAt,
    updatedAt: filedAt,
  };
}
