// "Export to CSV…" above the log: the entries the log's filter selects, written through the
// CSV rules of every export (shared/summary/csv.ts) and saved through the platform's door.
// Sensitive fields are left out unless ticked (then the file's first line says so); header
// lines say what was selected, when and by whom. Long lists show progress and can be cancelled.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceToday } from '../../../../shared/domain/dates.ts';
import { CATALOGUE, findActivityType } from '../../../../shared/domain/catalogue.ts';
import { type CsvDelimiter } from '../../../../shared/summary/csv.ts';
import { type ActivityFilter, isDbError } from '../../db/index.ts';
import { useServices, useSealer } from '../../kernel/services.tsx';
import { type Session } from '../../kernel/session.ts';
import { useUi, type ListFilters } from '../../kernel/store.ts';
import { useLang } from '../../i18n/useLang.ts';
import { isRegionId, getRegion } from '../../../../shared/domain/posts.ts';
import { usePeople } from '../review/index.ts';
import { logCsvHeader, type LogCsvWords } from './log-csv.ts';
import { personLabel, placeHeaderLines, postLabel } from './place.ts';
import { buildLogCsv } from './log-export.ts';
import './log-export.css';

const CSV_FILTERS = [{ name: 'CSV (.csv)', extensions: ['csv'] }];

type Progress = { done: number; total: number } | null;

export function LogExport({
  session,
  filters,
  filter,
  total,
}: {
  session: Session;
  /** The filter bar's choices, for the header lines. */
  filters: ListFilters;
  /** The query the log shows (the search text as it ran). */
  filter: ActivityFilter;
  total: number | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db, platform } = useServices();
  const sealer = useSealer();
  const showToast = useUi((s) => s.showToast);
  const [open, setOpen] = useState(false);
  const [delimiter, setDelimiter] = useState<'' | CsvDelimiter>('');
  const [sensitive, setSensitive] = useState(false);
  const [progress, setProgress] = useState<Progress>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const people = usePeople();
  const panelId = useId();
  const hintId = useId();

  const words: LogCsvWords = {
    title: t('logExport.csv.title'),
    id: t('logExport.csv.id'),
    type: t('logExport.csv.type'),
    date: t('logExport.csv.date'),
    post: t('logExport.csv.post'),
    officer: t('logExport.csv.officer'),
    review: t('logExport.csv.review'),
    createdAt: t('logExport.csv.createdAt'),
    updatedAt: t('logExport.csv.updatedAt'),
    yes: t('logExport.csv.yes'),
    no: t('logExport.csv.no'),
    unreadable: t('logExport.csv.unreadable'),
    reviewState: (state) => t(`review.${state}`),
    postName: (code) => {
      const post = session.postOf(code);
      return post ? `${post.city[lang]} (${code})` : code;
    },
  };

  const periodText = () => {
    const name = t(`period.${filters.period}`);
    const { from, to } = filter;
    if (from && to) return `${name}: ${t('logExport.csv.range', { from, to })}`;
    if (from) return `${name}: ${t('logExport.csv.from', { from })}`;
    if (to) return `${name}: ${t('logExport.csv.to', { to })}`;
    return name;
  };

  // Where the entries are from (lead and HQ; an officer's log is its own entries).
  const placeLines = () =>
    session.identity.role === 'officer'
      ? []
      : placeHeaderLines(filter, {
          region: t('logExport.csv.filterRegion'),
          post: t('logExport.csv.filterPost'),
          officer: t('logExport.csv.filterOfficer'),
          allRegions: t('logExport.csv.allRegions'),
          allPosts: t('logExport.csv.allPosts'),
          allOfficers: t('logExport.csv.allOfficers'),
          regionName: (r) => (isRegionId(r) ? getRegion(r).name[lang] : t('list.unknownRegion')),
          postName: (code) => postLabel(code, { lang, postOf: session.postOf }),
          officerName: (id) => personLabel(people.get(id), id),
        });

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    const type = filter.type ? findActivityType(filter.type) : undefined;
    const { name, officerId } = session.identity;
    const header = logCsvHeader(words.title, [
      [t('logExport.csv.filterType'), type ? type.label[lang] : t('logExport.csv.allTypes')],
      [t('logExport.csv.filterPeriod'), periodText()],
      [
        t('logExport.csv.filterStatus'),
        filter.status ? t(`review.${filter.status}`) : t('logExport.csv.allStatuses'),
      ],
      ...placeLines(),
      ...(filter.text ? [[t('logExport.csv.filterText'), filter.text] as const] : []),
      [
        t('logExport.csv.sensitive'),
        sensitive ? t('logExport.csv.sensitiveIncluded') : t('logExport.csv.sensitiveLeftOut'),
      ],
      [t('logExport.csv.when'), new Date().toISOString()],
      [t('logExport.csv.who'), `${name} (${officerId})`],
    ]);
    try {
      setProgress({ done: 0, total: total ?? 0 });
      const { text, entries } = await buildLogCsv(db, {
        filter,
        csv: { lang, types: type ? [type] : CATALOGUE, includeSensitive: sensitive, words },
        header,
        ...(delimiter ? { delimiter } : {}),
        ...(sealer ? { sealer } : {}),
        onProgress: (done, all) => setProgress({ done, total: all }),
        signal: controller.signal,
      });
      const stamp = deviceToday();
      const fileName = `log_${filter.type ?? 'all'}_${stamp}.csv`;
      const saved = await platform.saveFile({
        suggestedName: fileName,
        data: new TextEncoder().encode(text),
        filters: CSV_FILTERS,
      });
      if (saved.saved) {
        showToast({
          kind: 'ok',
          key: 'logExport.saved',
          params: { count: entries, name: fileName },
          ofScreen: true,
        });
      }
    } catch (e) {
      if (controller.signal.aborted) {
        setMessage({ kind: 'info', text: t('logExport.cancelled') });
      } else {
        const reason =
          isDbError(e) && e.code === 'locked'
            ? t('logExport.locked')
            : e instanceof Error
              ? e.message
              : String(e);
        setMessage({ kind: 'error', text: t('logExport.failed', { reason }) });
      }
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <div className="log-export">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('logExport.open')}
      </button>
      {open ? (
        <section id={panelId} className="log-export-panel" aria-labelledby={`${panelId}-h`}>
          <h2 id={`${panelId}-h`}>{t('logExport.heading')}</h2>
          <p>{t('logExport.intro', { count: total ?? 0 })}</p>
          <div className="log-export-controls">
            <div className="field">
              <label htmlFor={`${panelId}-delimiter`}>{t('logExport.delimiter')}</label>
              <select
                id={`${panelId}-delimiter`}
                value={delimiter}
                disabled={busy}
                onChange={(e) => setDelimiter(e.target.value as '' | CsvDelimiter)}
              >
                <option value="">{t('logExport.delimiter_default')}</option>
                <option value=",">{t('logExport.delimiter_comma')}</option>
                <option value=";">{t('logExport.delimiter_semicolon')}</option>
              </select>
            </div>
            <div className="log-export-sensitive">
              <label>
                <input
                  type="checkbox"
                  checked={sensitive}
                  disabled={busy || !sealer}
                  aria-describedby={hintId}
                  onChange={(e) => setSensitive(e.target.checked)}
                />{' '}
                {t('logExport.includeSensitive')}
              </label>
              <p id={hintId} className="hint">
                {sealer ? t('logExport.sensitiveHint') : t('logExport.needsUnlock')}
              </p>
            </div>
            {busy ? (
              <button type="button" onClick={() => abort.current?.abort()}>
                {t('logExport.cancel')}
              </button>
            ) : (
              <button type="button" className="primary" onClick={() => void run()}>
                {t('logExport.export')}
              </button>
            )}
          </div>
          {busy ? (
            <div className="log-export-progress">
              <progress
                aria-label={t('logExport.progressLabel')}
                max={Math.max(1, progress.total)}
                value={progress.done}
              />
              <span role="status">{t('logExport.progress', progress)}</span>
            </div>
          ) : null}
          {message ? (
            <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
              {message.text}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
