// Who is working on this device right now, in the shapes the screens need: the officer's
// profile, and the Author that stamps their writes. Built once by the shell.
import { localDateIn } from '../../../shared/domain/fiscal.ts';
import { getPost } from '../../../shared/domain/posts.ts';
import { type Author, type OfficerProfile } from '../db/index.ts';

export interface Session {
  profile: OfficerProfile;
  author: Author;
}

export function makeSession(profile: OfficerProfile, deviceId: string): Session {
  return {
    profile,
    author: { deviceId, officerId: profile.officerId, postCode: profile.postCode },
  };
}

/** Today's date (YYYY-MM-DD) at a post, in the post's own time zone. */
export function postToday(postCode: string, now: Date = new Date()): string {
  return localDateIn(getPost(postCode)?.timeZone ?? 'UTC', now);
}
