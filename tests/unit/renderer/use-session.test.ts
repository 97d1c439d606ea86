// The shell's session follows the stored identity and the newest network profile: a lead's
// posts change on its screens as soon as a new profile is stored (useSession, App.tsx).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { useSession } from '../../../renderer/src/app/useSession.ts';
import { type LiaisonDb } from '../../../renderer/src/db/index.ts';
import { setMeta, type DeviceIdentity } from '../../../renderer/src/db/meta.ts';
import { openTestDb } from './db-fixtures.ts';

const opened: LiaisonDb[] = [];
afterEach(() => {
  cleanup();
  for (const db of opened.splice(0)) db.close();
});

const lead: DeviceIdentity = {
  deviceId: 'dev-lead',
  networkId: 'net-1',
  role: 'lead',
  officerId: 'lead-americas',
  name: 'Ana Lima',
  posts: ['BOG', 'PAP'],
  demo: false,
  createdAt: '2026-01-05T10:00:00.000Z',
};

/** A stored profile as far as the session reads it: its posts and its leads. */
function storeProfile(db: LiaisonDb, version: number, leadPosts: string[]) {
  const profile = {
    version,
    posts: [],
    leads: [{ officerId: 'lead-americas', name: 'Ana Lima', posts: leadPosts }],
  };
  return setMeta(db, 'profile', { profile } as never);
}

describe('the shell’s session', () => {
  it('is null before set-up, then the lead’s, with its posts from each new profile', async () => {
    const { db } = await openTestDb();
    opened.push(db);
    const { result } = renderHook(() => useSession(db));
    await waitFor(() => expect(result.current).toBeNull());

    await setMeta(db, 'identity', lead);
    await waitFor(() => expect(result.current?.identity.posts).toEqual(['BOG', 'PAP']));

    await storeProfile(db, 2, ['PAP', 'MEX']);
    await waitFor(() => expect(result.current?.identity.posts).toEqual(['PAP', 'MEX']));
    expect(result.current?.author.postCode).toBe('PAP');

    await storeProfile(db, 3, ['MEX', 'BOG', 'PAP']);
    await waitFor(() => expect(result.current?.identity.posts).toEqual(['MEX', 'BOG', 'PAP']));
    expect(result.current?.author.postCode).toBe('BOG');
  });
});
