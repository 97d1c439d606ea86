import { describe, expect, it } from 'vitest';
import {
  DEMO_POSTS,
  POST_CODE_PATTERN,
  REGIONS,
  REGION_IDS,
  getPost,
  getRegion,
  isRegionId,
  postsInRegion,
} from '../../../shared/domain/posts.ts';

describe('demo posts', () => {
  it('are the 49 locations of the fact sheet, each with a unique three-letter code', () => {
    expect(DEMO_POSTS).toHaveLength(49);
    const codes = DEMO_POSTS.map((post) => post.code);
    expect(new Set(codes).size).toBe(49);
    for (const code of codes) expect(code).toMatch(POST_CODE_PATTERN);
  });

  it('each have a valid IANA time zone', () => {
    for (const post of DEMO_POSTS) {
      expect(
        () => new Intl.DateTimeFormat(undefined, { timeZone: post.timeZone }),
        post.code,
      ).not.toThrow();
    }
  });

  it('each have names in both languages, a country code and a known region', () => {
    for (const post of DEMO_POSTS) {
      for (const text of [post.name.en, post.name.fr, post.city.en, post.city.fr]) {
        expect(text.trim(), post.code).not.toBe('');
      }
      expect(post.name.en).toContain(post.city.en);
      expect(post.name.fr).toContain(post.city.fr);
      expect(post.country).toMatch(/^[A-Z]{2}$/);
      expect(isRegionId(post.region)).toBe(true);
    }
  });

  it('cover every region, and every region has names in both languages', () => {
    expect(REGIONS.map((r) => r.id)).toEqual([...REGION_IDS]);
    for (const id of REGION_IDS) {
      expect(postsInRegion(id).length, id).toBeGreaterThan(0);
      expect(getRegion(id).name.fr.trim()).not.toBe('');
    }
    const total = REGION_IDS.reduce((sum, id) => sum + postsInRegion(id).length, 0);
    expect(total).toBe(49);
  });

  it('are found by code', () => {
    expect(getPost('BOG')).toMatchObject({
      name: { en: 'Bogotá, Colombia', fr: 'Bogota, Colombie' },
      country: 'CO',
      timeZone: 'America/Bogota',
      region: 'americas',
    });
    expect(getPost('SIN')?.name).toEqual({ en: 'Singapore', fr: 'Singapour' });
    expect(getPost('TYO')?.timeZone).toBe('Asia/Tokyo');
    expect(getPost('XXX')).toBeUndefined();
  });
});
