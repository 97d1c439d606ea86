// The log's place filters as plain data (features/log/place.ts) and the summaries' names
// (features/summaries/model.ts): the query a choice makes, the choices offered, choices that
// never contradict each other, the CSV header's place lines, and names with ids beside them.
import { describe, expect, it } from 'vitest';
import { getPost } from '../../../shared/domain/posts.ts';
import { type ActivityFilter } from '../../../renderer/src/db/index.ts';
import { EMPTY_FILTERS } from '../../../renderer/src/kernel/store.ts';
import {
  choosePlace,
  hasPlace,
  placeChoices,
  placeFilter,
  placeHeaderLines,
  type Place,
} from '../../../renderer/src/features/log/place.ts';
import {
  csvRows,
  drillsDown,
  pathFilters,
  tableRows,
  wherePath,
  withSecondary,
  type Namer,
} from '../../../renderer/src/features/summaries/model.ts';
import { type Comparison } from '../../../shared/summary/totals.ts';

const PEOPLE = [
  { officerId: 'lo-bogota-1', name: 'Sofía Herrera', postCode: 'BOG' },
  { officerId: 'lo-bogota-2', name: 'Aline Arsenault', postCode: 'BOG' },
  { officerId: 'lo-london-1', name: 'Tom Clark', postCode: 'LON' },
  { officerId: 'lead-1', name: 'A lead' },
];
const postOf = (id: string) => PEOPLE.find((p) => p.officerId === id)?.postCode;
const words = { lang: 'en' as const, unknownRegion: 'Other posts', postOf: getPost };
const none: Place = { region: '', postCode: '', officerId: '' };

describe('the log filtered by place', () => {
  it('asks the query only for what is chosen', () => {
    expect(placeFilter(EMPTY_FILTERS)).toEqual({});
    expect(hasPlace(EMPTY_FILTERS)).toBe(false);
    const place = { region: 'americas', postCode: 'BOG', officerId: 'lo-bogota-1' } as const;
    expect(placeFilter(place)).toEqual(place);
    expect(hasPlace({ ...none, officerId: 'x' })).toBe(true);
    // A lead's posts narrow a region only, so they go with a region and nothing else.
    expect(placeFilter(EMPTY_FILTERS, ['BOG'])).toEqual({});
    expect(placeFilter({ ...none, postCode: 'BOG' }, ['BOG'])).toEqual({ postCode: 'BOG' });
    expect(placeFilter(place, ['BOG'])).toEqual({ ...place, visiblePosts: ['BOG'] });
  });

  it('offers the posts of the chosen region and the officers of the chosen post, by name', () => {
    const all = placeChoices(none, ['BOG', 'LON', 'ZZZ'], PEOPLE, words);
    expect(all.regions.map((r) => r.label)).toEqual(['Americas', 'Europe', 'Other posts']);
    expect(all.posts.map((p) => p.label)).toEqual(['Bogotá (BOG)', 'London (LON)', 'ZZZ']);
    expect(all.officers.map((o) => o.label)).toEqual([
      'Aline Arsenault (lo-bogota-2)',
      'Sofía Herrera (lo-bogota-1)',
      'Tom Clark (lo-london-1)',
    ]);
    const americas = placeChoices({ ...none, region: 'americas' }, ['BOG', 'LON'], PEOPLE, words);
    expect(americas.posts.map((p) => p.value)).toEqual(['BOG']);
    expect(americas.officers.map((o) => o.value)).toEqual(['lo-bogota-2', 'lo-bogota-1']);
    const london = placeChoices({ ...none, postCode: 'LON' }, ['BOG', 'LON'], PEOPLE, words);
    expect(london.officers.map((o) => o.value)).toEqual(['lo-london-1']);
  });

  it('always offers the current choice, even one no list names', () => {
    const odd = placeChoices(
      { region: 'unknown', postCode: 'QQQ', officerId: 'lo-gone-1' },
      ['BOG'],
      PEOPLE,
      words,
    );
    expect(odd.regions.map((r) => r.value)).toContain('unknown');
    expect(odd.posts.map((p) => p.value)).toContain('QQQ');
    expect(odd.officers).toContainEqual({ value: 'lo-gone-1', label: 'lo-gone-1' });
  });

  it('never keeps a post outside the region or an officer of another post', () => {
    const atBogota = { region: 'americas', postCode: 'BOG', officerId: 'lo-bogota-1' } as const;
    expect(choosePlace(atBogota, { region: 'europe' }, postOf)).toEqual({
      region: 'europe',
      postCode: '',
      officerId: '',
    });
    expect(choosePlace(atBogota, { region: '' }, postOf)).toEqual({ ...atBogota, region: '' });
    expect(choosePlace(atBogota, { postCode: 'LON' }, postOf)).toEqual({
      region: 'europe',
      postCode: 'LON',
      officerId: '',
    });
    expect(choosePlace(atBogota, { officerId: '' }, postOf)).toEqual({
      ...atBogota,
      officerId: '',
    });
    // Without a region chosen, a post does not add one.
    expect(choosePlace(none, { postCode: 'BOG' }, postOf)).toEqual({ ...none, postCode: 'BOG' });
  });

  it('states the place in the CSV header, "All" where nothing is chosen', () => {
    const lineWords = {
      region: 'Region',
      post: 'Post',
      officer: 'Officer',
      allRegions: 'All regions',
      allPosts: 'All posts',
      allOfficers: 'All officers',
      regionName: (r: string) => `region ${r}`,
      postName: (c: string) => `post ${c}`,
      officerName: (id: string) => `officer ${id}`,
    };
    expect(placeHeaderLines({}, lineWords)).toEqual([
      ['Region', 'All regions'],
      ['Post', 'All posts'],
      ['Officer', 'All officers'],
    ]);
    expect(
      placeHeaderLines(
        { region: 'americas', postCode: 'BOG', officerId: 'lo-bogota-1' },
        lineWords,
      ),
    ).toEqual([
      ['Region', 'region americas'],
      ['Post', 'post BOG'],
      ['Officer', 'officer lo-bogota-1'],
    ]);
    // A lead's visible posts are no choice of its own: the region line names the region.
    const lead: ActivityFilter = { region: 'americas', visiblePosts: ['BOG'] };
    expect(placeHeaderLines(lead, lineWords)).toEqual([
      ['Region', 'region americas'],
      ['Post', 'All posts'],
      ['Officer', 'All officers'],
    ]);
  });
});

describe('the summaries name officers and posts', () => {
  const namer: Namer = {
    lang: 'fr',
    postOf: getPost,
    unknownRegion: 'Autres postes',
    officerName: (id) => PEOPLE.find((p) => p.officerId === id)?.name ?? id,
  };

  it('reads the drill path as names, the code or id beside', () => {
    const path = wherePath(
      { region: 'americas', postCode: 'BOG', officerId: 'lo-bogota-1', types: ['interdiction'] },
      namer,
      'Réseau',
    );
    expect(path).toEqual([
      { name: 'Réseau' },
      { name: 'Amériques' },
      { name: 'Bogota', secondary: 'BOG' },
      { name: 'Sofía Herrera', secondary: 'lo-bogota-1' },
      { name: 'Interception ou intervention' },
    ]);
    expect(path.map(withSecondary).join(' › ')).toBe(
      'Réseau › Amériques › Bogota (BOG) › Sofía Herrera (lo-bogota-1) › Interception ou intervention',
    );
    // Someone nobody named is their id, once.
    expect(wherePath({ officerId: 'lo-x-1' }, namer, 'Réseau')[1]).toEqual({ name: 'lo-x-1' });
  });

  it('gives each step of the path the filter that returns to it', () => {
    const filter = {
      region: 'americas',
      postCode: 'BOG',
      officerId: 'lo-bogota-1',
      types: ['interdiction'],
    } as const;
    const steps = pathFilters(filter);
    expect(steps).toEqual([
      {},
      { region: 'americas' },
      { region: 'americas', postCode: 'BOG' },
      { region: 'americas', postCode: 'BOG', officerId: 'lo-bogota-1' },
      filter,
    ]);
    expect(steps).toHaveLength(wherePath(filter, namer, 'Réseau').length);
    // A lead's post opened from its posts, with no region chosen, and an officer's type.
    expect(pathFilters({ postCode: 'BOG' })).toEqual([{}, { postCode: 'BOG' }]);
    expect(pathFilters({ officerId: 'lo-1', types: ['training'] })).toEqual([
      {},
      { officerId: 'lo-1' },
      { officerId: 'lo-1', types: ['training'] },
    ]);
  });

  it('lists types in the catalogue’s order and posts by city as read, until a column is sorted', () => {
    const of = (dimension: 'type' | 'post', values: string[]) =>
      ({
        current: {
          groups: values.map((v) => ({ key: { [dimension]: v }, counters: { entries: 1 } })),
          total: { entries: values.length },
        },
      }) as unknown as Comparison;
    const types = tableRows(
      of('type', ['removal', 'evacuation', 'training', 'zz-newer']),
      'type',
      namer,
    );
    expect(types.map((r) => r.value)).toEqual(['training', 'removal', 'evacuation', 'zz-newer']);
    // By code Port-au-Prince (PAP) came before Panama City (PTY); as read, Panama first.
    const posts = tableRows(of('post', ['PTY', 'PAP', 'BOG']), 'post', namer);
    expect(posts.map((r) => r.value)).toEqual(['BOG', 'PTY', 'PAP']);
  });

  it('lists officers by name in the table and the CSV, with a column of ids', () => {
    const comparison = {
      current: {
        groups: [{ key: { officer: 'lo-bogota-2' }, counters: { entries: 3 } }],
        total: { entries: 3 },
      },
    } as unknown as Comparison;
    const rows = tableRows(comparison, 'officer', namer);
    expect(rows[0]).toMatchObject({
      name: 'Aline Arsenault',
      secondary: 'lo-bogota-2',
      value: 'lo-bogota-2',
    });
    const csv = csvRows(rows, comparison.current.total, {
      title: 'Sommaire',
      lines: [],
      counterNames: new Proxy({}, { get: (_t, id) => String(id) }) as never,
      dimensionName: 'Agent',
      idName: 'Identifiant de l’agent',
      totalName: 'Total',
    });
    expect(csv[2]?.slice(0, 2)).toEqual(['Agent', 'Identifiant de l’agent']);
    expect(csv[3]?.slice(0, 2)).toEqual(['Aline Arsenault', 'lo-bogota-2']);
    expect(csv[4]?.slice(0, 2)).toEqual(['Total', '']);
  });
});

describe('a summary row opens only what is below the view', () => {
  it('offers no step up or sideways: a post’s region, an officer’s post, a chosen type', () => {
    const top = {};
    const region = { region: 'americas' as const };
    const post = { region: 'americas' as const, postCode: 'BOG' };
    const officer = { ...post, officerId: 'lo-bogota-1' };
    const tabs = ['type', 'region', 'post', 'officer'] as const;
    const opens = (filter: Parameters<typeof drillsDown>[0]) =>
      tabs.filter((tab) => drillsDown(filter, tab));
    expect(opens(top)).toEqual(['type', 'region', 'post', 'officer']);
    expect(opens(region)).toEqual(['type', 'post', 'officer']);
    expect(opens(post)).toEqual(['type', 'officer']);
    expect(opens(officer)).toEqual(['type']);
    expect(opens({ ...officer, types: ['training'] })).toEqual([]);
    expect(opens({ postCode: 'BOG' })).toEqual(['type', 'officer']);
  });
});
