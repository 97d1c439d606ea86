// The officer's log, newest first. Only ids come from the (indexed) query; rows are loaded
// for the visible window alone, so 100,000 entries scroll as smoothly as ten.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  countActivities,
  getActivitiesByIds,
  isUnreadable,
  listActivityIds,
  type ActivityFilter,
} from '../../db/index.ts';
// The log's own stylesheet before its parts' ones (unreadable.css builds on it).
import './log.css';
import { useServices } from '../../kernel/services.tsx';
import { EMPTY_FILTERS, useUi } from '../../kernel/store.ts';
import { postToday, type Session } from '../../kernel/session.ts';
import { useScreenTitle } from '../../kernel/screen-title.ts';
import { ListFilters } from './ListFilters.tsx';
import { ActivityRow } from './ActivityRow.tsx';
import { UnreadableRow } from './UnreadableEntry.tsx';
import { DraftsNotice } from './DraftsNotice.tsx';
import { LogExport } from './LogExport.tsx';
import { ReturnedPanel } from '../review/index.ts';
import { NilReportPanel } from '../nil-reports/index.ts';
import { periodRange } from './period.ts';
import { placeFilter, visiblePostsOf } from './place.ts';
import { useDebounced } from './useDebounced.ts';
import { focusSoon } from '../../ui/focus.ts';

const ROW_HEIGHT = 44;
const FIRST_WINDOW = 100;
const WINDOW_MARGIN = 30;
/** Typing pauses this long before the search runs: one query per word, not per key. */
const SEARCH_DELAY_MS = 250;

export function ActivityList({ session }: { session: Session }) {
  const { t } = useTranslation();
  const title = useScreenTitle();
  const { db } = useServices();
  const filters = useUi((s) => s.filters);
  const resetFilters = useUi((s) => s.resetFilters);
  const navigate = useUi((s) => s.navigate);
  const text = useDebounced(filters.text.trim(), SEARCH_DELAY_MS);
  const filter: ActivityFilter = {
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...periodRange(filters, postToday(session.postOf(session.profile.postCode))),
    ...(text ? { text } : {}),
    ...placeFilter(filters, visiblePostsOf(session.identity)),
  };
  // The filter's JSON is its identity: equal filters give the same query object.
  const key = JSON.stringify(filter);
  const query = useMemo(() => JSON.parse(key) as ActivityFilter, [key]);
  // Reading all 100,000 ids takes seconds, so ids are read a window at a time: the first
  // screenful is one bounded index read (the same cost at any size), and the window grows
  // as the person scrolls. The count comes from its own (counter-backed) query. Results are
  // tagged with their query, so rows of a previous search are never shown as this one's.
  const [idWindow, setWindow] = useState({ key, limit: FIRST_WINDOW });
  const limit = idWindow.key === key ? idWindow.limit : FIRST_WINDOW;
  const idResult = useLiveQuery(
    () => listActivityIds(db, query, { limit }).then((ids) => ({ key, ids })),
    [db, query, limit, key],
  );
  const totalResult = useLiveQuery(
    () => countActivities(db, query).then((total) => ({ key, total })),
    [db, query, key],
  );
  const searching =
    filters.text.trim() !== text || idResult?.key !== key || totalResult?.key !== key;
  const ids = idResult?.key === key ? idResult.ids : undefined;
  const total = totalResult?.key === key ? totalResult.total : undefined;
  const scroller = useRef<HTMLDivElement>(null);
  const stopFocus = useRef<(() => void) | null>(null);
  const virtualizer = useVirtualizer({
    count: total ?? ids?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const lastVisible = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    // Grow only once the current window has arrived (ids.length === limit), never twice.
    if (
      ids?.length === limit &&
      total !== undefined &&
      limit < total &&
      lastVisible >= limit - WINDOW_MARGIN
    ) {
      setWindow({ key, limit: Math.max(limit * 2, lastVisible + FIRST_WINDOW) });
    }
  }, [ids, total, lastVisible, limit, key]);
  const visibleIds = useMemo(
    () => (ids ? items.map((i) => ids[i.index]).filter((id): id is string => !!id) : []),
    [ids, items],
  );
  const rows = useLiveQuery(() => getActivitiesByIds(db, visibleIds), [db, visibleIds.join(',')]);
  const byId = useMemo(
    () => new Map((rows ?? []).filter((r) => !!r).map((r) => [r.id, r])),
    [rows],
  );
  const filtered = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);

  // Up and Down move between rows (scrolling the list along), Enter opens one.
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      const current = (document.activeElement as HTMLElement | null)?.dataset.index;
      const next = Math.max(
        0,
        Math.min(
          (total ?? 1) - 1,
          (current ? Number(current) : -1) + (e.key === 'ArrowDown' ? 1 : -1),
        ),
      );
      e.preventDefault();
      virtualizer.scrollToIndex(next);
      // The row is rendered once the virtualizer has followed the scroll: maybe frames later.
      // A newer key press wins over a look still running for an earlier one.
      stopFocus.current?.();
      stopFocus.current = focusSoon(() =>
        scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`),
      );
    },
    [total, virtualizer],
  );

  return (
    <>
      <div className="list-head">
        <h1 tabIndex={-1}>{title ?? t('list.heading')}</h1>
        <span className="hint" role="status">
          {searching ? (
            t('list.searching')
          ) : (
            <span data-testid="activity-count">{t('list.count', { count: total ?? 0 })}</span>
          )}
        </span>
        {filtered ? (
          <button
            onClick={() => {
              resetFilters();
              document.getElementById('filter-text')?.focus();
            }}
          >
            {t('list.clearFilters')}
          </button>
        ) : null}
      </div>
      <DraftsNotice />
      {session.identity.role === 'officer' ? <ReturnedPanel session={session} /> : null}
      {session.identity.role === 'officer' ? <NilReportPanel session={session} /> : null}
      <ListFilters filters={filters} session={session} />
      <LogExport session={session} filters={filters} filter={query} total={total} />
      <div className="list-scroller" ref={scroller} onKeyDown={onKeyDown}>
        {total === 0 && !searching ? (
          <p className="empty">
            {filtered
              ? t('list.noMatch')
              : // HQ has no "New activity": its entries all come in bundles.
                t(session.identity.role === 'hq' ? 'list.emptyHq' : 'list.empty')}
          </p>
        ) : (
          <div
            role="list"
            aria-label={t('list.rowsLabel')}
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {items.map((item) => {
              const id = ids?.[item.index];
              const activity = id ? byId.get(id) : undefined;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {!activity ? null : isUnreadable(activity) ? (
                    <UnreadableRow
                      entry={activity}
                      index={item.index}
                      onOpen={() => navigate({ name: 'detail', id: activity.id })}
                    />
                  ) : (
                    <ActivityRow
                      activity={activity}
                      index={item.index}
                      onOpen={() => navigate({ name: 'detail', id: activity.id })}
                    />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </>
  );
}
