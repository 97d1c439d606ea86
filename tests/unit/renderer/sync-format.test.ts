// Sync's times name their zone: a lead or HQ reads exchanges from posts in other zones.
import { describe, expect, it } from 'vitest';
import { formatWhen } from '../../../renderer/src/features/sync/format.ts';

describe('formatWhen', () => {
  const iso = '2026-03-04T19:05:00.000Z';

  it('gives the time in the zone asked for, and names that zone, in English and French', () => {
    expect(formatWhen(iso, 'en', 'America/Toronto')).toBe('Mar 4, 2026, 2:05 p.m. EST');
    expect(formatWhen(iso, 'en', 'America/Bogota')).toMatch(/^Mar 4, 2026, 2:05 p\.m\. GMT-5$/);
    expect(formatWhen(iso, 'fr', 'America/Toronto')).toMatch(/^4 mars 2026, 14 h 05 HNE$/);
  });

  it('shows a string that is no instant as it is', () => {
    expect(formatWhen('not a time', 'en', 'America/Toronto')).toBe('not a time');
  });
});
