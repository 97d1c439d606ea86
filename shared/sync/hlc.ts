// Hybrid logical clock: orders changes across devices even when a laptop's wall clock is
// wrong. Pure: the wall clock is passed in, so tests can run many devices in one process.

/** One HLC reading. `wall` is milliseconds since the epoch, `counter` breaks ties within a ms. */
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  readonly deviceId: string;
}

const WALL_DIGITS = 15; // ms since epoch fits in 15 decimal digits until the year 33658
const COUNTER_DIGITS = 6;
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

/**
 * Encodes a stamp as a string whose plain string order is the HLC order
 * (wall, then counter, then device id), so it can be an IndexedDB index and compared with <.
 */
export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_DIGITS, '0')}-${String(h.counter).padStart(COUNTER_DIGITS, '0')}-${h.deviceId}`;
}

const HLC_PATTERN = /^(\d{15})-(\d{6})-([A-Za-z0-9_-]{1,64})$/;

/** Parses an encoded stamp; returns null for anything that is not one. */
export function decodeHlc(s: string): Hlc | null {
  const m = HLC_PATTERN.exec(s);
  if (!m) return null;
  return { wall: Number(m[1]), counter: Number(m[2]), deviceId: m[3] as string };
}

/** The device id a stamp names, or null for anything that is not a stamp (decodeHlc, cheaper). */
export function hlcDeviceId(s: string): string | null {
  const m = HLC_PATTERN.exec(s);
  return m ? (m[3] as string) : null;
}

/**
 * The encoded wall-time prefix every stamp later than `wallMs` (ms) sorts above: a stamp
 * `s` has a wall time after `wallMs` exactly when `s.slice(0, WALL_DIGITS) > wallPrefix(wallMs)`.
 */
export function wallPrefix(wallMs: number): string {
  // Before the epoch, every stamp is later: '' sorts below any digits.
  if (wallMs < 0) return '';
  return String(Math.floor(wallMs)).padStart(WALL_DIGITS, '0');
}

/** The wall-time digits of a stamp (valid ones only), for comparing with wallPrefix(). */
export function wallDigits(s: string): string {
  return s.slice(0, WALL_DIGITS);
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A device's clock. `now` is injected; the clock never goes backwards even when `now` does,
 * and `receive` folds in remote stamps so that a later local write orders after what was seen.
 */
export class HlcClock {
  private last: Hlc;

  constructor(
    readonly deviceId: string,
    private readonly now: () => number,
    /** Remote stamps further ahead of our wall clock than this are clamped (see receive). */
    readonly maxDriftMs: number = 24 * 60 * 60 * 1000,
    start?: string,
  ) {
    const restored = start ? decodeHlc(start) : null;
    this.last = restored
      ? { wall: restored.wall, counter: restored.counter, deviceId }
      : { wall: 0, counter: 0, deviceId };
  }

  /** The latest stamp issued or observed, encoded; persist it to resume after a restart. */
  get current(): string {
    return encodeHlc(this.last);
  }

  /** A new stamp for a local event, strictly greater than every stamp issued or received. */
  tick(): string {
    const wall = Math.max(this.last.wall, Math.floor(this.now()));
    const counter = wall === this.last.wall ? this.last.counter + 1 : 0;
    this.last = this.bump(wall, counter);
    return encodeHlc(this.last);
  }

  /**
   * Observes a remote stamp. A stamp more than maxDriftMs ahead of our wall clock is not
   * allowed to drag our clock into the future: it is ignored for our clock and reported
   * as `clamped` so the caller can flag it. The change itself still merges by its stamp.
   */
  receive(remote: string): { clamped: boolean } {
    const r = decodeHlc(remote);
    if (!r) return { clamped: false };
    const wallNow = Math.floor(this.now());
    if (r.wall > wallNow + this.maxDriftMs) return { clamped: true };
    const wall = Math.max(this.last.wall, r.wall, wallNow);
    let counter = 0;
    if (wall === this.last.wall && wall === r.wall)
      counter = Math.max(this.last.counter, r.counter) + 1;
    else if (wall === this.last.wall) counter = this.last.counter + 1;
    else if (wall === r.wall) counter = r.counter + 1;
    this.last = this.bump(wall, counter);
    return { clamped: false };
  }

  private bump(wall: number, counter: number): Hlc {
    // A counter overflow can only happen with > 1M events in one ms; move to the next ms.
    if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, deviceId: this.deviceId };
    return { wall, counter, deviceId: this.deviceId };
  }
}
