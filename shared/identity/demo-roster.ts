// The demo network's field officers as the June 2012 fact sheet counts them: 63 officers in
// 49 locations. One officer per post, a second one at the 14 busiest; the eight officers the
// demo offers to "be" (DEMO_OFFICERS) are the first officer of their post. Every name is
// fictional. Here, beside the demo profile, because the profile lists their devices.
import { DEMO_POSTS, getPost, type Post } from '../domain/posts.ts';

export interface DemoOfficer {
  readonly officerId: string;
  readonly name: string;
  readonly postCode: string;
}

/**
 * Example officers the demo offers to "be". A person who picks one gets fresh keys under their
 * own device id, which enrolls like a real laptop; the profile lists only the officer's
 * generated-data device (`demoOfficerDeviceId`), which no install runs.
 */
export const DEMO_OFFICERS: readonly DemoOfficer[] = [
  { officerId: 'lo-bogota-1', name: 'Sofía Herrera', postCode: 'BOG' },
  { officerId: 'lo-mexico-1', name: 'Marc-André Gagnon', postCode: 'MEX' },
  { officerId: 'lo-london-1', name: 'Priya Sharma', postCode: 'LON' },
  { officerId: 'lo-paris-1', name: 'Élise Bouchard', postCode: 'PAR' },
  { officerId: 'lo-lagos-1', name: 'Amara Okafor', postCode: 'LOS' },
  { officerId: 'lo-nairobi-1', name: 'Kevin Otieno', postCode: 'NBO' },
  { officerId: 'lo-delhi-1', name: 'Anil Kapoor', postCode: 'DEL' },
  { officerId: 'lo-manila-1', name: 'Maria Santos', postCode: 'MNL' },
];

/** Posts with a second officer (49 + 14 = 63). */
// prettier-ignore
export const TWO_OFFICER_POSTS: readonly string[] = [
  'BOG', 'MEX', 'PAP', 'LON', 'PAR', 'FRA', 'LOS', 'CAI',
  'DEL', 'IXC', 'BOM', 'MNL', 'HKG', 'BJS',
];

// prettier-ignore
const FIRST_NAMES = [
  'Aline', 'Bruno', 'Chloé', 'Dev', 'Émilie', 'Farid', 'Geneviève', 'Hugo', 'Inès', 'Jasper',
  'Karine', 'Louis', 'Mélanie', 'Nadia', 'Olivier', 'Pascale', 'Quentin', 'Rosalie', 'Samir',
  'Thérèse', 'Ugo', 'Valérie', 'William', 'Xavier', 'Yasmine', 'Zoé', 'Amir', 'Béatrice',
  'Cédric', 'Diane', 'Étienne',
];
// prettier-ignore
const LAST_NAMES = [
  'Arsenault', 'Bélanger', 'Côté', 'Desjardins', 'Fortin', 'Gauthier', 'Hébert', 'Lachance',
  'Morin', 'Nguyen', 'Ouellet', 'Pelletier', 'Quirion', 'Robichaud', 'Singh', 'Thibodeau',
  'Vachon', 'Wilson', 'Chen', 'Dubé', 'Lapointe', 'Mercier', 'Patel',
];

/** `bogota` from "Bogotá": letters and digits, dashes between words. */
export function citySlug(post: Post): string {
  return post.city.en
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The device id of a demo officer's laptop in the generated data. */
export function demoOfficerDeviceId(officerId: string): string {
  return `demo-${officerId}`;
}

/**
 * Whether a device of this profile is one of the demo officers' generated-data devices: no
 * install runs one (a person trying the demo as an officer gets a device id of their own), so
 * nothing is encrypted for them, and HQ's 67 other demo devices stay within one bundle's 64
 * recipients.
 */
export function isGeneratedDemoDevice(profile: { readonly demo?: boolean }, deviceId: string) {
  return profile.demo === true && GENERATED_DEVICE_IDS.has(deviceId);
}

function buildRoster(): DemoOfficer[] {
  const roster: DemoOfficer[] = [];
  let n = 0;
  const fictional = (): string => {
    const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[(n * 7) % LAST_NAMES.length]}`;
    n++;
    return name;
  };
  for (const post of DEMO_POSTS) {
    const known = DEMO_OFFICERS.find((o) => o.postCode === post.code);
    const slug = citySlug(post);
    const first = known ?? { officerId: `lo-${slug}-1`, name: fictional(), postCode: post.code };
    roster.push(first);
    if (TWO_OFFICER_POSTS.includes(post.code)) {
      // The second officer's id follows the first's: lo-delhi-1, lo-delhi-2.
      const officerId = first.officerId.replace(/-1$/, '-2');
      roster.push({ officerId, name: fictional(), postCode: post.code });
    }
  }
  return roster;
}

/** The 63 officers, in the order of DEMO_POSTS. */
export const DEMO_ROSTER: readonly DemoOfficer[] = buildRoster();

const GENERATED_DEVICE_IDS: ReadonlySet<string> = new Set(
  DEMO_ROSTER.map((o) => demoOfficerDeviceId(o.officerId)),
);

export function officersAt(postCode: string): readonly DemoOfficer[] {
  return DEMO_ROSTER.filter((o) => o.postCode === postCode);
}

export function rosterPost(officer: DemoOfficer): Post {
  const post = getPost(officer.postCode);
  if (!post) throw new RangeError(`Unknown post: ${officer.postCode}`);
  return post;
}
