// Who is working on this device right now, in the shapes the screens need: the officer's
// profile, and the Author that stamps their writes. Built once by the shell.
import { localDateIn } from '../../../shared/domain/fiscal.ts';
import { getPost, type Post } from '../../../shared/domain/posts.ts';
import { type Author, type OfficerProfile } from '../db/index.ts';
import { homePost } from '../db/identity.ts';
import { type DeviceIdentity } from '../db/meta.ts';
import { type NetworkProfile } from '../../../shared/identity/profile.ts';

export interface Session {
  identity: DeviceIdentity;
  /** A post by code: the network profile's list first (HQ may add posts), then the demo list. */
  postOf: (code: string) => Post | undefined;
  /** Name, officer id and home post (an officer's post, a lead's first post, none at HQ). */
  profile: OfficerProfile;
  author: Author;
}

/**
 * A lead's posts in the network profile stored (its `leads` entry): none when the profile no
 * longer names the lead (the exchange then gives it none either); undefined with no profile
 * stored, or for another role.
 */
export function profileLeadPosts(
  profile: Pick<NetworkProfile, 'leads'> | null | undefined,
  identity: Pick<DeviceIdentity, 'role' | 'officerId'>,
): readonly string[] | undefined {
  if (identity.role !== 'lead' || !profile) return undefined;
  return profile.leads.find((lead) => lead.officerId === identity.officerId)?.posts ?? [];
}

/**
 * `leadPosts`: a lead's posts in the newest network profile stored (profileLeadPosts), which
 * replace the ones written at set-up: HQ may give a lead a post, or take one away, in a later
 * profile, and the exchange already follows the profile (exchange/self.ts), so its summaries,
 * review and place choices must too. The lead's home post, which stamps its own entries, is
 * the set-up one while it is still among them, else the first of them: an entry filed under
 * a post taken away would be outside the lead's summaries and refused at HQ.
 */
export function makeSession(
  stored: DeviceIdentity,
  profilePosts: readonly Post[] = [],
  leadPosts?: readonly string[],
): Session {
  const identity: DeviceIdentity =
    stored.role === 'lead' && leadPosts ? { ...stored, posts: [...leadPosts] } : stored;
  const byCode = new Map(profilePosts.map((post) => [post.code, post]));
  const postOf = (code: string) => byCode.get(code) ?? getPost(code);
  const setUpHome = homePost(stored);
  const home =
    identity !== stored && setUpHome !== undefined && !leadPosts?.includes(setUpHome)
      ? (leadPosts?.[0] ?? setUpHome)
      : setUpHome;
  const profile: OfficerProfile = {
    officerId: stored.officerId,
    name: stored.name,
    postCode: home ?? '',
  };
  return {
    identity,
    postOf,
    profile,
    author: {
      deviceId: identity.deviceId,
      officerId: identity.officerId,
      postCode: profile.postCode,
    },
  };
}

/** Today's date (YYYY-MM-DD) at a post, in the post's own time zone. */
export function postToday(post: Post | undefined, now: Date = new Date()): string {
  return localDateIn(post?.timeZone ?? 'UTC', now);
}
