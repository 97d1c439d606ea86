// Times of an entry's thread and history: the post's clock with its zone named, and the
// viewer's clock beside it only when it shows another time.
import { describe, expect, it } from 'vitest';
import { formatInZones } from '../../../renderer/src/ui/format.ts';

// 4 March 2026, 14:05 UTC: 9:05 in Bogotá and Toronto (both UTC−5 that day), 15:05 in Paris.
const AT = Date.UTC(2026, 2, 4, 14, 5);

describe('a time in the post’s zone and the viewer’s', () => {
  it('names the post’s zone and adds the viewer’s time when the clocks differ', () => {
    const { post, viewer } = formatInZones(AT, 'en', 'America/Bogota', 'Europe/Paris');
    expect(post).toMatch(/9:05/);
    expect(post).toMatch(/GMT-5|COT/);
    expect(viewer).toMatch(/3:05/);
    const fr = formatInZones(AT, 'fr', 'America/Bogota', 'Europe/Paris');
    expect(fr.post).toMatch(/9 h 05/);
    expect(fr.viewer).toMatch(/15 h 05/);
  });

  it('shows one time when the viewer’s clock reads the same, or is unknown', () => {
    expect(formatInZones(AT, 'en', 'America/Bogota', 'America/Toronto').viewer).toBeUndefined();
    expect(formatInZones(AT, 'en', 'America/Bogota', undefined).viewer).toBeUndefined();
  });

  it('reads a zone name it does not know as UTC instead of failing', () => {
    expect(formatInZones(AT, 'en', 'Nowhere/Atlantis', undefined).post).toMatch(/2:05/);
  });
});
