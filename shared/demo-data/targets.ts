// The figures the demo reproduces, and the crises that shape it. Sources: the CBSA fact sheet
// "CBSA International Network" of June 2012 (docs/demo-data.md quotes each sentence).

export type TargetedType = 'interdiction' | 'facilitation' | 'removal' | 'training';

/** The fiscal year the fact sheet reports: FY 2010–11 (1 April 2010 – 31 March 2011). */
export const FACT_SHEET_FY = 2010;

export interface Target {
  /** The network total of the type's headline count for FY 2010–11. */
  readonly value: number;
  /** Where the figure comes from. */
  readonly source: string;
}

export const FACT_SHEET_TARGETS: Readonly<Record<TargetedType, Target>> = {
  interdiction: {
    value: 6500,
    source: '"intervened in the cases of approximately 6,500 improperly documented travellers"',
  },
  facilitation: {
    value: 3181,
    source: '"facilitated the return to Canada of 3,181 travellers"',
  },
  removal: { value: 9837, source: '"assisted in 9,837 removals from Canada"' },
  training: {
    value: 14120,
    source:
      '"provide training every year to more than 14,000 individuals" (14,120 chosen: more than 14,000)',
  },
};

/** Other years' totals as a share of FY 2010–11's (the network grew; training stays above 14,000). */
export const YEAR_FACTORS: Readonly<Record<TargetedType, Readonly<Record<number, number>>>> = {
  interdiction: { 2009: 0.94, 2011: 1.03, 2012: 1.05 },
  facilitation: { 2009: 1.15, 2011: 0.85, 2012: 0.88 },
  removal: { 2009: 0.96, 2011: 1.02, 2012: 1.04 },
  training: { 2009: 0.996, 2011: 1.06, 2012: 1.1 },
};

/** One month of a crisis at one post. */
export interface CrisisWave {
  readonly postCode: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  /** Multiplies the post's facilitation weight that month. */
  readonly facilitationFactor: number;
  /** Evacuation-screening entries that month, between these days. */
  readonly evacuations: number;
  readonly fromDay: number;
  readonly toDay: number;
  /** Persons screened per entry, min and max. */
  readonly screened: readonly [number, number];
}

export interface Crisis {
  readonly name: string;
  readonly location: string;
  readonly transport: 'air' | 'sea' | 'land';
  readonly safeThirdCountryShare: number;
  readonly waves: readonly CrisisWave[];
}

// prettier-ignore
export const CRISES: readonly Crisis[] = [
  {
    // 12 January 2010.
    name: 'Haiti earthquake',
    location: 'Port-au-Prince airport',
    transport: 'air',
    safeThirdCountryShare: 0.05,
    waves: [
      { postCode: 'PAP', month: '2010-01', facilitationFactor: 30, evacuations: 45, fromDay: 13, toDay: 31, screened: [20, 180] },
      { postCode: 'PAP', month: '2010-02', facilitationFactor: 12, evacuations: 15, fromDay: 1, toDay: 28, screened: [10, 80] },
      { postCode: 'PAP', month: '2010-03', facilitationFactor: 5, evacuations: 6, fromDay: 1, toDay: 31, screened: [5, 30] },
      { postCode: 'SDQ', month: '2010-01', facilitationFactor: 8, evacuations: 8, fromDay: 14, toDay: 31, screened: [5, 40] },
    ],
  },
  {
    name: 'Egypt unrest 2011',
    location: 'Cairo airport',
    transport: 'air',
    safeThirdCountryShare: 0.1,
    waves: [
      { postCode: 'CAI', month: '2011-01', facilitationFactor: 6, evacuations: 8, fromDay: 28, toDay: 31, screened: [20, 150] },
      { postCode: 'CAI', month: '2011-02', facilitationFactor: 25, evacuations: 20, fromDay: 1, toDay: 12, screened: [20, 200] },
      { postCode: 'CAI', month: '2011-03', facilitationFactor: 4, evacuations: 0, fromDay: 1, toDay: 31, screened: [1, 1] },
    ],
  },
  {
    name: 'Tunisia and Libya crises 2011',
    location: 'Tunis airport and the Libyan border',
    transport: 'land',
    safeThirdCountryShare: 0.4,
    waves: [
      { postCode: 'TUN', month: '2011-01', facilitationFactor: 10, evacuations: 6, fromDay: 14, toDay: 31, screened: [5, 60] },
      { postCode: 'TUN', month: '2011-02', facilitationFactor: 20, evacuations: 12, fromDay: 20, toDay: 28, screened: [10, 120] },
      { postCode: 'TUN', month: '2011-03', facilitationFactor: 12, evacuations: 12, fromDay: 1, toDay: 15, screened: [10, 100] },
    ],
  },
];
