// The officer's "nothing to report" panel on the log: file a nil report for the current month
// or one of the twelve before it, see those filed (and whether they still wait to reach HQ),
// withdraw one. Each is a record written like an entry (db/nil-reports.ts).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { addMonths, periodLabel } from '../../../../shared/summary/periods.ts';
import { fileNilReport, listNilReports, withdrawNilReport } from '../../db/index.ts';
import { useServices } from '../../kernel/services.tsx';
import { postToday, type Session } from '../../kernel/session.ts';
import { useLang } from '../../i18n/useLang.ts';
import './nil-reports.css';

/** How many months back an officer may still file for. */
const MONTHS_BACK = 12;

/** Kept as a key and its month, so it follows a change of language while shown. */
type Message = { kind: 'ok' | 'error'; key: string; month?: string };

export function NilReportPanel({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { db } = useServices();
  const officerId = session.identity.officerId;
  const today = postToday(session.postOf(session.profile.postCode));
  const current = today.slice(0, 7);
  const months = Array.from({ length: MONTHS_BACK + 1 }, (_, i) => addMonths(current, -i));
  const [month, setMonth] = useState(current);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const filed = useLiveQuery(() => listNilReports(db, officerId), [db, officerId]);
  const label = (m: string) => periodLabel({ kind: 'month', month: m }, lang);

  const file = async () => {
    setBusy(true);
    try {
      const result = await fileNilReport(db, session.author, month, today);
      setMessage(
        result.ok
          ? { kind: 'ok', key: 'nilReports.filed', month }
          : { kind: 'error', key: `nilReports.problem.${result.problem}`, month },
      );
    } catch {
      setMessage({ kind: 'error', key: 'nilReports.failed' });
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (id: string, of: string) => {
    setBusy(true);
    try {
      await withdrawNilReport(db, session.author, id);
      setMessage({ kind: 'ok', key: 'nilReports.withdrawn', month: of });
    } catch {
      setMessage({ kind: 'error', key: 'nilReports.failed' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="nil-reports" data-testid="nil-reports">
      <summary>{t('nilReports.heading')}</summary>
      <p className="hint">{t('nilReports.intro')}</p>
      <form
        className="nil-report-form"
        onSubmit={(e) => {
          e.preventDefault();
          void file();
        }}
      >
        <label htmlFor="nil-report-month">{t('nilReports.month')}</label>
        <select
          id="nil-report-month"
          value={month}
          onChange={(e) => {
            setMonth(e.target.value);
            setMessage(null);
          }}
        >
          {months.map((m) => (
            <option key={m} value={m}>
              {label(m)}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={busy}>
          {t('nilReports.file', { month: label(month) })}
        </button>
      </form>
      <p
        className={message?.kind === 'error' ? 'notice error' : 'notice info'}
        role={message?.kind === 'error' ? 'alert' : 'status'}
        hidden={message === null}
      >
        {message
          ? t(message.key, message.month === undefined ? {} : { month: label(message.month) })
          : null}
      </p>
      <h3>{t('nilReports.listHeading')}</h3>
      {filed && filed.length > 0 ? (
        <ul className="nil-report-list">
          {filed.map((report) => (
            <li key={report.id} data-month={report.month}>
              <span>{label(report.month)}</span>
              {report.pending ? (
                <span className="hint"> ({t('nilReports.waiting')})</span>
              ) : null}{' '}
              <button
                type="button"
                disabled={busy}
                aria-label={t('nilReports.withdrawLabel', { month: label(report.month) })}
                onClick={() => void withdraw(report.id, report.month)}
              >
                {t('nilReports.withdraw')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('nilReports.none')}</p>
      )}
    </details>
  );
}
