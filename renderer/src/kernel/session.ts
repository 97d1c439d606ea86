// Who is working on this device right now, in the shapes the screens need: the officer's
// profile, and the Author that stamps their writes. Built once by the shell.
import { localDateIn } from '../../../shared/domain/fiscal.ts';
import { getPost, type Post } from '../../../shared/domain/posts.ts';
import { type Author, type OfficerProfile } from '../db/index.ts';
import { homePost } from '../db/identity.ts';
import { type DeviceIdentity } from '../db/meta.ts';

export interface Session {
  identity: DeviceIdentity;
  /** A post by code: the network profile's list first (HQ may add posts), then the demo list. */
  postOf: (code: string) => Post | undefined;
  /** Name, officer id and home post (an officer's post, a lead's first post, none at HQ). */
  profile: OfficerProfile;
  author: Author;
}

export function makeSession(identity: DeviceIdentity, profilePosts: readonly Post[] = []): Session {
  const byCode = new Map(profilePosts.map((post) => [post.code, post]));
  const postOf = (code: string) => byCode.get(code) ?? getPost(code);
  const profile: OfficerProfile = {
    officerId: identity.officerId,
    name: identity.name,
    postCode: homePost(identity) ?? '',
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
