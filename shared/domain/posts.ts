// Posts of the liaison-officer network: where officers work, in which region, in which time
// zone (an activity's date is the post's local date). DEMO_POSTS is the demo network: 49
// locations, as in the June 2012 fact sheet.
import { type Localized } from './catalogue-types.ts';

export const REGION_IDS = ['americas', 'europe', 'africa-middle-east', 'asia-pacific'] as const;
export type RegionId = (typeof REGION_IDS)[number];

export interface Region {
  readonly id: RegionId;
  readonly name: Localized;
}

export const REGIONS: readonly Region[] = [
  { id: 'americas', name: { en: 'Americas', fr: 'Amériques' } },
  { id: 'europe', name: { en: 'Europe', fr: 'Europe' } },
  {
    id: 'africa-middle-east',
    name: { en: 'Africa and Middle East', fr: 'Afrique et Moyen-Orient' },
  },
  { id: 'asia-pacific', name: { en: 'Asia-Pacific', fr: 'Asie-Pacifique' } },
];

export interface Post {
  /** Short stable code, the city's IATA code: 'BOG'. Appears in bundles and ids. */
  readonly code: string;
  /** "Bogotá, Colombia" / "Bogota, Colombie". */
  readonly name: Localized;
  readonly city: Localized;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** IANA time zone: an activity's date is the post's local date. */
  readonly timeZone: string;
  readonly region: RegionId;
}

export const POST_CODE_PATTERN = /^[A-Z]{3}$/;

type Row = readonly [
  code: string,
  cityEn: string,
  cityFr: string,
  country: string,
  countryEn: string,
  countryFr: string,
  timeZone: string,
];

function posts(region: RegionId, rows: readonly Row[]): Post[] {
  return rows.map(([code, cityEn, cityFr, country, countryEn, countryFr, timeZone]) => ({
    code,
    name: {
      en: cityEn === countryEn ? cityEn : `${cityEn}, ${countryEn}`,
      fr: cityFr === countryFr ? cityFr : `${cityFr}, ${countryFr}`,
    },
    city: { en: cityEn, fr: cityFr },
    country,
    timeZone,
    region,
  }));
}

// prettier-ignore
export const DEMO_POSTS: readonly Post[] = [
  ...posts('americas', [
    ['BOG', 'Bogotá', 'Bogota', 'CO', 'Colombia', 'Colombie', 'America/Bogota'],
    ['MEX', 'Mexico City', 'Mexico', 'MX', 'Mexico', 'Mexique', 'America/Mexico_City'],
    ['SAO', 'São Paulo', 'São Paulo', 'BR', 'Brazil', 'Brésil', 'America/Sao_Paulo'],
    ['LIM', 'Lima', 'Lima', 'PE', 'Peru', 'Pérou', 'America/Lima'],
    ['PAP', 'Port-au-Prince', 'Port-au-Prince', 'HT', 'Haiti', 'Haïti', 'America/Port-au-Prince'],
    ['SDQ', 'Santo Domingo', 'Saint-Domingue', 'DO', 'Dominican Republic', 'République dominicaine', 'America/Santo_Domingo'],
    ['KIN', 'Kingston', 'Kingston', 'JM', 'Jamaica', 'Jamaïque', 'America/Jamaica'],
    ['PTY', 'Panama City', 'Panama', 'PA', 'Panama', 'Panama', 'America/Panama'],
  ]),
  ...posts('europe', [
    ['LON', 'London', 'Londres', 'GB', 'United Kingdom', 'Royaume-Uni', 'Europe/London'],
    ['PAR', 'Paris', 'Paris', 'FR', 'France', 'France', 'Europe/Paris'],
    ['FRA', 'Frankfurt', 'Francfort', 'DE', 'Germany', 'Allemagne', 'Europe/Berlin'],
    ['AMS', 'Amsterdam', 'Amsterdam', 'NL', 'Netherlands', 'Pays-Bas', 'Europe/Amsterdam'],
    ['ROM', 'Rome', 'Rome', 'IT', 'Italy', 'Italie', 'Europe/Rome'],
    ['MAD', 'Madrid', 'Madrid', 'ES', 'Spain', 'Espagne', 'Europe/Madrid'],
    ['BRU', 'Brussels', 'Bruxelles', 'BE', 'Belgium', 'Belgique', 'Europe/Brussels'],
    ['VIE', 'Vienna', 'Vienne', 'AT', 'Austria', 'Autriche', 'Europe/Vienna'],
    ['ATH', 'Athens', 'Athènes', 'GR', 'Greece', 'Grèce', 'Europe/Athens'],
    ['IST', 'Istanbul', 'Istanbul', 'TR', 'Türkiye', 'Türkiye', 'Europe/Istanbul'],
    ['WAW', 'Warsaw', 'Varsovie', 'PL', 'Poland', 'Pologne', 'Europe/Warsaw'],
  ]),
  ...posts('africa-middle-east', [
    ['DKR', 'Dakar', 'Dakar', 'SN', 'Senegal', 'Sénégal', 'Africa/Dakar'],
    ['ACC', 'Accra', 'Accra', 'GH', 'Ghana', 'Ghana', 'Africa/Accra'],
    ['LOS', 'Lagos', 'Lagos', 'NG', 'Nigeria', 'Nigéria', 'Africa/Lagos'],
    ['NBO', 'Nairobi', 'Nairobi', 'KE', 'Kenya', 'Kenya', 'Africa/Nairobi'],
    ['ADD', 'Addis Ababa', 'Addis-Abeba', 'ET', 'Ethiopia', 'Éthiopie', 'Africa/Addis_Ababa'],
    ['CAI', 'Cairo', 'Le Caire', 'EG', 'Egypt', 'Égypte', 'Africa/Cairo'],
    ['TUN', 'Tunis', 'Tunis', 'TN', 'Tunisia', 'Tunisie', 'Africa/Tunis'],
    ['RBA', 'Rabat', 'Rabat', 'MA', 'Morocco', 'Maroc', 'Africa/Casablanca'],
    ['AUH', 'Abu Dhabi', 'Abou Dhabi', 'AE', 'United Arab Emirates', 'Émirats arabes unis', 'Asia/Dubai'],
    ['DOH', 'Doha', 'Doha', 'QA', 'Qatar', 'Qatar', 'Asia/Qatar'],
    ['AMM', 'Amman', 'Amman', 'JO', 'Jordan', 'Jordanie', 'Asia/Amman'],
    ['TLV', 'Tel Aviv', 'Tel Aviv', 'IL', 'Israel', 'Israël', 'Asia/Jerusalem'],
    ['BEY', 'Beirut', 'Beyrouth', 'LB', 'Lebanon', 'Liban', 'Asia/Beirut'],
  ]),
  ...posts('asia-pacific', [
    ['DEL', 'New Delhi', 'New Delhi', 'IN', 'India', 'Inde', 'Asia/Kolkata'],
    ['IXC', 'Chandigarh', 'Chandigarh', 'IN', 'India', 'Inde', 'Asia/Kolkata'],
    ['BOM', 'Mumbai', 'Mumbai', 'IN', 'India', 'Inde', 'Asia/Kolkata'],
    ['ISB', 'Islamabad', 'Islamabad', 'PK', 'Pakistan', 'Pakistan', 'Asia/Karachi'],
    ['CMB', 'Colombo', 'Colombo', 'LK', 'Sri Lanka', 'Sri Lanka', 'Asia/Colombo'],
    ['DAC', 'Dhaka', 'Dhaka', 'BD', 'Bangladesh', 'Bangladesh', 'Asia/Dhaka'],
    ['BKK', 'Bangkok', 'Bangkok', 'TH', 'Thailand', 'Thaïlande', 'Asia/Bangkok'],
    ['MNL', 'Manila', 'Manille', 'PH', 'Philippines', 'Philippines', 'Asia/Manila'],
    ['SIN', 'Singapore', 'Singapour', 'SG', 'Singapore', 'Singapour', 'Asia/Singapore'],
    ['HKG', 'Hong Kong', 'Hong Kong', 'HK', 'Hong Kong', 'Hong Kong', 'Asia/Hong_Kong'],
    ['BJS', 'Beijing', 'Beijing', 'CN', 'China', 'Chine', 'Asia/Shanghai'],
    ['SHA', 'Shanghai', 'Shanghai', 'CN', 'China', 'Chine', 'Asia/Shanghai'],
    ['CAN', 'Guangzhou', 'Guangzhou', 'CN', 'China', 'Chine', 'Asia/Shanghai'],
    ['TYO', 'Tokyo', 'Tokyo', 'JP', 'Japan', 'Japon', 'Asia/Tokyo'],
    ['SEL', 'Seoul', 'Séoul', 'KR', 'South Korea', 'Corée du Sud', 'Asia/Seoul'],
    ['SYD', 'Sydney', 'Sydney', 'AU', 'Australia', 'Australie', 'Australia/Sydney'],
    ['KUL', 'Kuala Lumpur', 'Kuala Lumpur', 'MY', 'Malaysia', 'Malaisie', 'Asia/Kuala_Lumpur'],
  ]),
];

const postsByCode = new Map(DEMO_POSTS.map((post) => [post.code, post]));

export function getPost(code: string): Post | undefined {
  return postsByCode.get(code);
}

export function getRegion(id: RegionId): Region {
  const region = REGIONS.find((r) => r.id === id);
  if (!region) throw new RangeError(`Unknown region: ${id}`);
  return region;
}

export function isRegionId(value: string): value is RegionId {
  return (REGION_IDS as readonly string[]).includes(value);
}

export function postsInRegion(region: RegionId): readonly Post[] {
  return DEMO_POSTS.filter((post) => post.region === region);
}
