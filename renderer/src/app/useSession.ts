// Who works on this device, as the screens get it: the stored identity, with a lead's posts
// from the newest network profile stored (kernel/session.ts says why), rebuilt when either
// changes (a profile imported, the set-up finished).
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { type LiaisonDb } from '../db/db.ts';
import { getIdentity, getNetworkProfile } from '../db/identity.ts';
import { makeSession, profileLeadPosts, type Session } from '../kernel/session.ts';

/** Undefined while either is read (no screen with a lead's set-up posts first), null before set-up. */
export function useSession(db: LiaisonDb): Session | null | undefined {
  const identity = useLiveQuery(() => getIdentity(db).then((i) => i ?? null), [db]);
  const network = useLiveQuery(async () => (await getNetworkProfile(db)) ?? null, [db]);
  return useMemo(() => {
    if (identity === undefined || network === undefined) return undefined;
    if (identity === null) return null;
    return makeSession(identity, network?.posts ?? [], profileLeadPosts(network, identity));
  }, [identity, network]);
}
