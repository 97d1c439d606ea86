import { describe, expect, it } from 'vitest';
import {
  HlcClock,
  compareHlc,
  decodeHlc,
  encodeHlc,
  hlcDeviceId,
  wallDigits,
  wallPrefix,
} from '../../../shared/sync/hlc.ts';

describe('hybrid logical clock', () => {
  it('stays monotonic when the wall clock jumps back', () => {
    let now = 1_000_000;
    const clock = new HlcClock('dev-a', () => now);
    const a = clock.tick();
    now = 500; // the laptop's clock was reset to 1970
    const b = clock.tick();
    const c = clock.tick();
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, c)).toBe(-1);
    expect(decodeHlc(c)?.wall).toBe(1_000_000);
  });

  it('orders a local write after a remote stamp it has seen', () => {
    const now = 1000;
    const clock = new HlcClock('dev-a', () => now);
    const remote = encodeHlc({ wall: 5000, counter: 3, deviceId: 'dev-b' });
    expect(clock.receive(remote)).toEqual({ clamped: false });
    const next = clock.tick();
    expect(compareHlc(remote, next)).toBe(-1);
  });

  it('clamps a remote stamp far in the future instead of adopting it', () => {
    const clock = new HlcClock('dev-a', () => 1000, 60_000);
    const remote = encodeHlc({ wall: 10_000_000, counter: 0, deviceId: 'dev-b' });
    expect(clock.receive(remote)).toEqual({ clamped: true });
    expect(decodeHlc(clock.tick())?.wall).toBe(1000);
  });

  it('resumes from a persisted stamp after a restart', () => {
    const first = new HlcClock('dev-a', () => 2000);
    const last = first.tick();
    const second = new HlcClock('dev-a', () => 10, undefined, last);
    expect(compareHlc(last, second.tick())).toBe(-1);
  });

  it('rejects strings that are not stamps', () => {
    expect(decodeHlc('nope')).toBeNull();
    expect(decodeHlc('000000000001000-000001-bad device')).toBeNull();
  });

  it('reads the device id of a stamp without decoding it, and nothing from a non-stamp', () => {
    const stamp = encodeHlc({ wall: 1_700_000_000_123, counter: 7, deviceId: 'dev-1' });
    expect(hlcDeviceId(stamp)).toBe('dev-1');
    expect(hlcDeviceId(stamp)).toBe(decodeHlc(stamp)?.deviceId);
    for (const bad of ['', 'nope', `${stamp}!`, '1700000000123-000007-']) {
      expect(hlcDeviceId(bad)).toBeNull();
    }
  });

  it('compares wall times as text exactly as it compares them as numbers', () => {
    const walls = [0, 1, 999, 1_700_000_000_000, 1_700_000_000_001, 99_999_999_999_999];
    const limits = [0, 0.5, 998.9, 999, 1_700_000_000_000, 1_700_000_000_000.5, -5];
    for (const wall of walls) {
      const stamp = encodeHlc({ wall, counter: 0, deviceId: 'd' });
      for (const limit of limits) {
        expect(wallDigits(stamp) > wallPrefix(limit), `${wall} > ${limit}`).toBe(wall > limit);
      }
    }
  });
});
