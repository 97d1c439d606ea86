// The stand-ins that carry relay names outside the relay-path rule across the desktop IPC:
// one per name and back, always a name the rule accepts, never one that leaves its folder.
import { describe, expect, it } from 'vitest';
import {
  STAND_IN_PREFIX,
  decodeRelayName,
  decodeRelayPath,
  encodeRelayName,
  encodeRelayPath,
} from '../../../shared/remote/relay-name-codec.ts';
import { isRelayPath, isRelaySegment } from '../../../shared/remote/relay-path.ts';

const standIn = (name: string) => STAND_IN_PREFIX + Buffer.from(name).toString('base64url');

describe('relay names across the desktop IPC', () => {
  it('carries a name the rule accepts as itself', () => {
    for (const name of ['BOG_lo-1_seq-1-2__k3j9x.llb', 'set-aside', '.part-ab12-x.llb'])
      expect(encodeRelayName(name)).toBe(name);
  });

  it('carries any other name as a stand-in the rule accepts, and back', () => {
    for (const name of [
      'photo é.jpg',
      '100%.txt',
      '.DS_Store',
      'Überweisung (2).pdf',
      `${STAND_IN_PREFIX}Zm9v`, // looks like a stand-in: carried as one too
      '日本語.llb',
    ]) {
      const segment = encodeRelayName(name);
      expect(segment, name).not.toBeNull();
      expect(segment === null || isRelaySegment(segment), name).toBe(true);
      expect(segment, name).not.toBe(name);
      expect(decodeRelayName(segment ?? ''), name).toBe(name);
    }
  });

  it('maps paths segment by segment', () => {
    const path = encodeRelayPath('inbox/dev-1/set-aside/photo é.jpg');
    expect(path).toBe(`inbox/dev-1/set-aside/${standIn('photo é.jpg')}`);
    expect(isRelayPath(path ?? '')).toBe(true);
    expect(decodeRelayPath(path ?? '')).toBe('inbox/dev-1/set-aside/photo é.jpg');
  });

  it('refuses a stand-in no listing could make: a way out of the folder, bad bytes, another spelling', () => {
    for (const segment of [
      standIn('..'),
      standIn('.'),
      standIn('a/b'),
      standIn('a\\b'),
      standIn('a\u0000b'),
      standIn(''),
      `${STAND_IN_PREFIX}_w`, // 0xff: not UTF-8
      `${STAND_IN_PREFIX}A`, // not base64
      standIn('set-aside'), // a name the rule accepts has no stand-in
    ])
      expect(decodeRelayName(segment), segment).toBeNull();
    expect(decodeRelayPath(`inbox/${standIn('..')}/x`)).toBeNull();
  });

  it('leaves out only a name too long for any stand-in, or one no folder may hold', () => {
    expect(encodeRelayName(`${'é'.repeat(92)}.jpg`)).not.toBeNull();
    expect(encodeRelayName(`${'é'.repeat(120)}.jpg`)).toBeNull();
    expect(encodeRelayName('a/b')).toBeNull();
    expect(encodeRelayName('..')).toBeNull();
  });

  it('leaves out a name whose stand-in could reach another file or leave its folder', () => {
    for (const name of [
      'x__PATH_SEPARATOR_POSIX__..__PATH_SEPARATOR_POSIX__payroll.xlsx', // the client's '/'
      'x__path_separator_windows__..', // and its '\\', in any case
      'B.llb.', // a Windows server reads it as B.llb: setting it aside would move the bundle
      'trailing ',
      'B.llb\uD800', // a lone surrogate: its UTF-8 is that of B.llb\uFFFD
    ]) {
      expect(encodeRelayName(name), name).toBeNull();
      expect(isRelaySegment(name), name).toBe(false);
    }
    expect(encodeRelayName('B.llb\uFFFD')).not.toBeNull();
    const marker = `-u8-${Buffer.from('a__PATH_SEPARATOR_POSIX__b').toString('base64url')}`;
    expect(decodeRelayName(marker)).toBeNull();
  });
});
