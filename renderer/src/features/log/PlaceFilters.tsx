// Region, post and officer in the log's filter bar (lead and HQ; an officer's log holds its
// own entries only). Plain selects, so the keyboard and screen readers work as everywhere;
// "All …" removes a choice. Set here or by "Show these entries" on the Summaries screen.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { DEMO_POSTS } from '../../../../shared/domain/posts.ts';
import { getNetworkProfile } from '../../db/identity.ts';
import { useServices } from '../../kernel/services.tsx';
import { type Session } from '../../kernel/session.ts';
import { useUi, type ListFilters } from '../../kernel/store.ts';
import { useLang } from '../../i18n/useLang.ts';
import { usePeople } from '../review/index.ts';
import { choosePlace, placeChoices, visiblePostsOf, type Choice, type Place } from './place.ts';

function PlaceSelect({
  id,
  label,
  all,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  all: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PlaceFilters({ filters, session }: { filters: ListFilters; session: Session }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const setFilters = useUi((s) => s.setFilters);
  const people = usePeople();
  const { identity } = session;
  const profilePosts = useLiveQuery(
    async () => (await getNetworkProfile(db))?.posts.map((p) => p.code) ?? null,
    [db],
  );
  // A lead sees its posts; HQ the profile's, or the demo network's before any profile.
  const posts = useMemo(
    () => visiblePostsOf(identity) ?? profilePosts ?? DEMO_POSTS.map((p) => p.code),
    [identity, profilePosts],
  );
  const choices = useMemo(
    () =>
      placeChoices(filters, posts, [...people.values()], {
        lang,
        unknownRegion: t('list.unknownRegion'),
        postOf: session.postOf,
      }),
    [filters, posts, people, lang, t, session],
  );
  const choose = (patch: Partial<Place>) =>
    setFilters(choosePlace(filters, patch, (id) => people.get(id)?.postCode));

  return (
    <>
      <PlaceSelect
        id="filter-region"
        label={t('list.region')}
        all={t('list.allRegions')}
        value={filters.region}
        choices={choices.regions}
        onChange={(region) => choose({ region: region as Place['region'] })}
      />
      <PlaceSelect
        id="filter-post"
        label={t('list.post')}
        all={t('list.allPosts')}
        value={filters.postCode}
        choices={choices.posts}
        onChange={(postCode) => choose({ postCode })}
      />
      <PlaceSelect
        id="filter-officer"
        label={t('list.officer')}
        all={t('list.allOfficers')}
        value={filters.officerId}
        choices={choices.officers}
        onChange={(officerId) => choose({ officerId })}
      />
    </>
  );
}
