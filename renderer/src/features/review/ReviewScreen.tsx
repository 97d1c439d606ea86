// The review queue of a team lead (its posts) or HQ (every post): counts by state, filters,
// a sortable list driven from the keyboard, bulk approval, and the entry's thread and form.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { findActivityType } from '../../../../shared/domain/catalogue.ts';
import { REVIEW_STATUSES } from '../../../../shared/domain/activity.ts';
import { MAX_COMMENT_LENGTH, type ReviewerState } from '../../../../shared/review/index.ts';
import {
  countByState,
  listQueue,
  reviewEntry,
  type ActivityView,
  type QueueFilter,
  type ReviewOutcome,
} from '../../db/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { useUi } from '../../kernel/store.ts';
import { type Session } from '../../kernel/session.ts';
import { type View } from '../../kernel/router.ts';
import { errorMessageKey } from '../../kernel/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { formatDay } from '../../ui/format.ts';
import { focusSoon } from '../../ui/focus.ts';
import { summaryOf } from '../../ui/activity-summary.ts';
import { reviewActorOf } from './actor.ts';
import { nameOf, usePeople } from './people.ts';
import { ReviewPane, type PaneApi } from './ReviewPane.tsx';
import { useQueuePlace, type QueueColumn, type QueueFilters } from './queue-place.ts';
import { useQueueCursor } from './useQueueCursor.ts';
import { QueueFilterBar } from './QueueFilterBar.tsx';
import { useBulkApprove } from './useBulkApprove.ts';
import './review.css';

type Column = QueueColumn;
type Filters = QueueFilters;
/**
 * The newest this many are listed: reading and drawing HQ's whole demo queue (72,800) took a
 * minute; a lead works through 500 long before it needs the next ones, and filters reach any.
 */
const QUEUE_LIMIT = 500;

/** Whether the view comes back to the queue as it was left (from an entry opened here). */
const resumes = (view: View | undefined) => view?.name === 'review' && view.resume === true;

/**
 * Whether `el` takes typed keys (a comment, a filter, a date): keys there are not queue keys.
 * A row's checkbox is not: Tab lands on it first, and the keys must work from there.
 */
function takesTyping(el: Element | null): boolean {
  if (!el) return false;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio'].includes((el as HTMLInputElement).type);
}

/** Whether the person is typing: keys then are not queue keys. */
function typing(): boolean {
  return takesTyping(document.activeElement);
}

/** Whether the queue's current entry is still `id`, the reviewer not typing. */
function stillOn(id: string): boolean {
  return useQueuePlace.getState().currentId === id && !typing();
}

export function ReviewScreen({ session, view }: { session: Session; view?: View }) {
  // The place for this view, before it is read: afresh from the menu or an address, kept
  // when back from an entry or when the shell is shown again after the lock (same view).
  useState(() => (view ? useQueuePlace.getState().claim(view, resumes(view)) : null));
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const showToast = useUi((s) => s.showToast);
  const people = usePeople();
  const actor = reviewActorOf(session);
  const scope = actor?.role === 'lead' ? actor.posts : undefined;
  const { filters, setFilters, sort, setSort, currentId, setCurrentId } = useQueuePlace();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const pane = useRef<PaneApi | null>(null);

  const query: QueueFilter = useMemo(() => {
    const posts = filters.post ? [filters.post] : scope;
    return {
      ...(posts ? { posts } : {}),
      ...(filters.state ? { state: filters.state } : {}),
      ...(filters.type ? { type: filters.type as QueueFilter['type'] & string } : {}),
      ...(filters.officer ? { officerId: filters.officer } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      // One more than shown: says whether there are others.
      limit: QUEUE_LIMIT + 1,
    };
  }, [filters, scope]);
  // Each result carries the query it answers: while a new query is read, the old result
  // (which the live query keeps returning) is not taken for the new list.
  const queryKey = JSON.stringify(query);
  const read = useLiveQuery(
    async () => ({ key: queryKey, rows: await listQueue(db, query) }),
    [db, queryKey],
  );
  const fresh = read?.key === queryKey ? read.rows : undefined;
  const limited = fresh !== undefined && fresh.length > QUEUE_LIMIT;
  const entries = useMemo(() => fresh?.slice(0, QUEUE_LIMIT), [fresh]);
  const counts = useLiveQuery(() => countByState(db, scope), [db, JSON.stringify(scope)]);

  const rows = useMemo(() => {
    const key = (e: ActivityView): string =>
      sort.by === 'date'
        ? `${e.occurredOn}|${e.createdAt}`
        : sort.by === 'officer'
          ? nameOf(people, e.officerId)
          : sort.by === 'type'
            ? (findActivityType(e.type)?.label[lang] ?? e.type)
            : e.reviewState.state;
    return [...(entries ?? [])].sort((a, b) => {
      const c = key(a).localeCompare(key(b), lang);
      return sort.desc ? -c : c;
    });
  }, [entries, sort, people, lang]);
  const { index, current, restart } = useQueueCursor(
    rows,
    entries !== undefined,
    currentId,
    setCurrentId,
  );
  // Review chosen again in the menu while the queue is open: afresh as well.
  useEffect(() => {
    if (view && useQueuePlace.getState().claim(view, resumes(view)) === 'afresh') {
      restart();
      setSelected(new Set());
    }
  }, [view, restart]);
  // Only what is listed can be approved in bulk: a selection hidden by a filter is not.
  const selectedRows = useMemo(() => rows.filter((e) => selected.has(e.id)), [rows, selected]);

  const say = useCallback(
    (outcome: ReviewOutcome): boolean => {
      if (outcome.ok) {
        setNotice(null);
        return true;
      }
      setNotice(t(`queue.refused.${outcome.reason}`, { max: MAX_COMMENT_LENGTH }));
      return false;
    },
    [t],
  );

  const onReview = useCallback(
    async (
      entry: ActivityView,
      state: ReviewerState,
      comment: string,
      readVersion: string,
    ): Promise<ReviewOutcome | null> => {
      if (!actor) return null;
      try {
        const outcome = await reviewEntry(
          db,
          session.author,
          actor,
          entry.id,
          { state, comment },
          readVersion,
        );
        if (say(outcome)) {
          showToast({ kind: 'ok', key: `queue.done.${state}` });
          // Decided: on to the next entry at once, focus included. Waiting for the list to
          // be read again left the focus on the page's body for most of a second at a
          // lead's size, and keys pressed meanwhile went nowhere.
          // Only while the reviewer is still on that entry and not typing: one who moved on
          // (j, k) or started a comment meanwhile is left where they are.
          const at = rows.findIndex((r) => r.id === entry.id);
          const next = at >= 0 ? rows[at + 1] : undefined;
          if (next && stillOn(entry.id)) {
            setCurrentId(next.id);
            focusSoon(() => document.querySelector<HTMLElement>(`[data-entry="${next.id}"]`), {
              stillWanted: () => useQueuePlace.getState().currentId === next.id && !typing(),
            });
          }
        }
        return outcome;
      } catch (error) {
        showToast({ kind: 'error', key: errorMessageKey(error) });
        return null;
      }
    },
    [actor, db, session.author, say, showToast, rows, setCurrentId],
  );

  const bulk = useBulkApprove({
    db,
    author: session.author,
    actor,
    selected: selectedRows,
    deselect: (ids) => setSelected((s) => new Set([...s].filter((id) => !ids.has(id)))),
    setNotice,
  });

  const move = (step: number) => {
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + step))];
    if (!next) return;
    setCurrentId(next.id);
    setNotice(null);
    focusSoon(() => document.querySelector<HTMLElement>(`[data-entry="${next.id}"]`));
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (takesTyping(target) || e.ctrlKey || e.metaKey || e.altKey) return;
    // A key on another row's checkbox (Tab reaches the boxes): that row becomes the current
    // entry first, and the next key acts on it. The focus alone never changes the current
    // entry: a click or Shift+Tab back from the pane would drop a comment being written.
    const row = target.closest<HTMLElement>('[data-entry]')?.dataset.entry;
    if (row !== undefined && row !== current?.id && e.key !== ' ' && e.key !== 'Tab') {
      if (e.key.length === 1 || e.key.startsWith('Arrow')) {
        e.preventDefault();
        setCurrentId(row);
        setNotice(null);
      }
      return;
    }
    const actions: Record<string, () => void> = {
      j: () => move(1),
      ArrowDown: () => move(1),
      k: () => move(-1),
      ArrowUp: () => move(-1),
      a: () => pane.current?.give('approved'),
      i: () => pane.current?.give('issues'),
      r: () => pane.current?.focusComment(),
      x: () => (current ? toggle(current.id) : undefined),
    };
    const act = actions[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  // New filters, new list: a selection made in the old one is dropped, never approved unseen.
  const set = (patch: Partial<Filters>) => {
    setFilters(patch);
    setSelected(new Set());
    restart();
  };
  const total = counts ? REVIEW_STATUSES.reduce((n, s) => n + counts[s], 0) : undefined;
  const posts = scope ?? [
    ...new Set([...people.values()].flatMap((p) => (p.postCode ? [p.postCode] : []))),
  ];
  const officers = [...people.values()].filter(
    (p) => p.postCode !== undefined && (scope === undefined || scope.includes(p.postCode)),
  );
  const header = (column: Column, label: string) => (
    <th
      aria-sort={sort.by === column ? (sort.desc ? 'descending' : 'ascending') : 'none'}
      scope="col"
    >
      <button
        title={t('queue.sortBy', { column: label })}
        onClick={() => setSort((s) => ({ by: column, desc: s.by === column ? !s.desc : false }))}
      >
        {label}
      </button>
    </th>
  );
  const empty =
    total === 0
      ? t('queue.emptyNothing')
      : filters.state === 'pending' &&
          !filters.officer &&
          !filters.type &&
          !filters.from &&
          !filters.to
        ? t('queue.emptyAllReviewed')
        : t('queue.emptyNoMatch');

  return (
    <div className="review-screen" onKeyDown={onKeyDown}>
      <h1 tabIndex={-1}>{t('queue.heading')}</h1>
      <ul className="review-counts" aria-label={t('queue.counts')}>
        {REVIEW_STATUSES.map((state) => (
          <li key={state}>
            <button
              aria-pressed={filters.state === state}
              data-testid={`count-${state}`}
              onClick={() => set({ state: filters.state === state ? '' : state })}
            >
              {counts
                ? t('queue.countLine', { state: t(`review.${state}`), n: counts[state] })
                : `${t(`review.${state}`)} …`}
            </button>
          </li>
        ))}
      </ul>
      <QueueFilterBar
        filters={filters}
        set={set}
        posts={posts}
        officers={officers}
        postName={(code) => session.postOf(code)?.city[lang] ?? code}
      />
      <p className="review-keys">{t('queue.keys')}</p>
      {limited ? (
        <p className="hint" data-testid="queue-limited">
          {t('queue.limited', { n: QUEUE_LIMIT })}
        </p>
      ) : null}
      {selectedRows.length > 0 ? (
        <div className="actions">
          <button
            className="primary"
            aria-disabled={bulk.approving}
            onClick={() => void bulk.approve()}
          >
            {bulk.approving
              ? t('queue.bulkApproving')
              : t('queue.bulkApprove', { count: selectedRows.length })}
          </button>
        </div>
      ) : null}
      {entries === undefined ? (
        // Seconds at HQ's size: said, not a blank space under the filters.
        <p className="hint" role="status" data-testid="queue-loading">
          {t('queue.loading')}
        </p>
      ) : rows.length === 0 ? (
        <p className="empty" role="status" data-testid="queue-empty" tabIndex={-1}>
          {empty}
        </p>
      ) : (
        <div className="review-layout">
          <table className="review-table" data-testid="review-queue">
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('queue.selectAll')}
                    checked={selectedRows.length === rows.length}
                    onChange={(e) =>
                      setSelected(new Set(e.target.checked ? rows.map((r) => r.id) : []))
                    }
                  />
                </th>
                {header('date', t('queue.date'))}
                {header('officer', t('queue.officer'))}
                {header('type', t('queue.type'))}
                <th scope="col">{t('queue.summary')}</th>
                {header('state', t('queue.state'))}
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => {
                const type = findActivityType(e.type);
                const person = people.get(e.officerId);
                const post = session.postOf(e.postCode);
                return (
                  <tr
                    key={e.id}
                    data-entry={e.id}
                    data-testid="queue-row"
                    tabIndex={-1}
                    aria-selected={current?.id === e.id}
                    onClick={() => {
                      setCurrentId(e.id);
                      setNotice(null);
                    }}
                  >
                    <td>
                      <input
                        type="checkbox"
                        // Which entry, for a screen reader: every box said only "Select".
                        aria-label={t('queue.selectEntry', {
                          type: type?.label[lang] ?? e.type,
                          date: formatDay(e.occurredOn, lang),
                          officer: person?.name ?? e.officerId,
                        })}
                        checked={selected.has(e.id)}
                        onChange={() => toggle(e.id)}
                        onClick={(ev) => ev.stopPropagation()}
                      />
                    </td>
                    <td>{formatDay(e.occurredOn, lang)}</td>
                    <td>
                      {person?.name ?? e.officerId}
                      <br />
                      <span className="secondary">
                        {e.officerId} · {post ? post.city[lang] : e.postCode}
                      </span>
                    </td>
                    <td>{type?.label[lang] ?? e.type}</td>
                    <td>
                      {type
                        ? summaryOf(type, e, lang, { yes: t('form.yes'), no: t('form.no') })
                        : ''}
                    </td>
                    <td>
                      <span className={`badge ${e.reviewState.state}`}>
                        {t(`review.${e.reviewState.state}`)}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {current ? (
            <ReviewPane
              key={current.id}
              entry={current}
              session={session}
              people={people}
              notice={notice}
              onReview={onReview}
              apiRef={pane}
            />
          ) : (
            <p className="hint">{t('queue.pickOne')}</p>
          )}
        </div>
      )}
    </div>
  );
}
