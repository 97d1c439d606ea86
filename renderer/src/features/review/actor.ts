// Who reviews on this device, in the shape the shared/review rules take.
import { type ReviewActor } from '../../../../shared/review/index.ts';
import { type Session } from '../../kernel/session.ts';

export function reviewActorOf(session: Session): ReviewActor | null {
  const { identity } = session;
  if (identity.role === 'lead') {
    const posts = identity.posts ?? (session.profile.postCode ? [session.profile.postCode] : []);
    return { role: 'lead', officerId: identity.officerId, posts };
  }
  if (identity.role === 'hq') return { role: 'hq', userId: identity.officerId };
  return null;
}
