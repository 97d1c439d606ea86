// A lead's posts on its screens follow the newest network profile, not the set-up list.
import { describe, expect, it } from 'vitest';
import { makeSession, profileLeadPosts } from '../../../renderer/src/kernel/session.ts';
import { reviewActorOf } from '../../../renderer/src/features/review/actor.ts';
import { scopeFor } from '../../../renderer/src/db/summary-queries.ts';
import { type DeviceIdentity } from '../../../renderer/src/db/meta.ts';

const base = { networkId: 'net-1', demo: false, createdAt: '2026-01-05T10:00:00.000Z' };
const lead: DeviceIdentity = {
  ...base,
  deviceId: 'dev-lead',
  role: 'lead',
  officerId: 'lead-americas',
  name: 'Ana Lima',
  posts: ['BOG', 'PAP'],
};
/** A profile's leads list, as HQ's version 2 might have it. */
const leads = [
  { officerId: 'lead-europe', name: 'Jan Berg', posts: ['LON'] },
  { officerId: 'lead-americas', name: 'Ana Lima', posts: ['PAP', 'MEX'] },
];

describe('a lead’s posts in the session', () => {
  it('are the profile’s when HQ gave the lead another post or took one away', () => {
    const posts = profileLeadPosts({ leads }, lead);
    expect(posts).toEqual(['PAP', 'MEX']);
    const session = makeSession(lead, [], posts);
    expect(session.identity.posts).toEqual(['PAP', 'MEX']);
    // What the review and the summaries are given.
    expect(reviewActorOf(session)).toEqual({
      role: 'lead',
      officerId: 'lead-americas',
      posts: ['PAP', 'MEX'],
    });
    expect(scopeFor('lead', lead.officerId, session.identity.posts)).toEqual({
      role: 'lead',
      posts: ['PAP', 'MEX'],
    });
    // BOG was taken away: the lead's own new entries are filed under a post it still leads.
    expect(session.author.postCode).toBe('PAP');
    expect(session.profile.postCode).toBe('PAP');
    // A post added, the set-up home kept: it still stamps the lead's writes.
    const added = makeSession(
      lead,
      [],
      profileLeadPosts({ leads: [{ ...leads[1]!, posts: ['MEX', 'BOG'] }] }, lead),
    );
    expect(added.identity.posts).toEqual(['MEX', 'BOG']);
    expect(added.author.postCode).toBe('BOG');
  });

  it('are none once the profile no longer names the lead, the set-up ones with no profile', () => {
    // Dropped from the leads: the exchange gives it no post, nor do its screens.
    const dropped = makeSession(lead, [], profileLeadPosts({ leads: leads.slice(0, 1) }, lead));
    expect(dropped.identity.posts).toEqual([]);
    expect(reviewActorOf(dropped)).toMatchObject({ posts: [] });
    expect(dropped.author.postCode).toBe('BOG');
    expect(profileLeadPosts(null, lead)).toBeUndefined();
    expect(profileLeadPosts(undefined, lead)).toBeUndefined();
    expect(makeSession(lead, []).identity.posts).toEqual(['BOG', 'PAP']);
    expect(makeSession(lead, [], undefined).identity).toBe(lead);
    const officer: DeviceIdentity = {
      ...base,
      deviceId: 'dev-o',
      role: 'officer',
      officerId: 'lead-americas',
      name: 'Sofía Herrera',
      postCode: 'BOG',
    };
    // Not a lead: the leads list is not its business, even under the same officer id.
    expect(profileLeadPosts({ leads }, officer)).toBeUndefined();
    expect(makeSession(officer, [], ['MEX']).identity).toBe(officer);
  });
});
