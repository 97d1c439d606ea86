// Export of the summary on screen: CSV through the platform's save door (with header lines
// saying what was selected, when and by whom; the separator by language unless chosen),
// print (the browser's dialog saves as PDF), and on the desktop "Save as PDF" straight to a
// file through the main process (Electron's printToPDF).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv, type CsvDelimiter } from '../../../../shared/summary/csv.ts';
import { type CounterId } from '../../../../shared/summary/measures.ts';
import { type Comparison } from '../../../../shared/summary/totals.ts';
import { useServices } from '../../kernel/services.tsx';
import { type Session } from '../../kernel/session.ts';
import { useUi } from '../../kernel/store.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ALL_COUNTERS, csvRows, type Tab, type TableRow } from './model.ts';

const CSV_FILTERS = [{ name: 'CSV (.csv)', extensions: ['csv'] }];

function fileSafe(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function ExportBar({
  rows,
  comparison,
  tab,
  periodName,
  where,
  session,
}: {
  rows: readonly TableRow[];
  comparison: Comparison;
  tab: Tab;
  periodName: string;
  where: string;
  session: Session;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { platform } = useServices();
  const showToast = useUi((s) => s.showToast);
  const [delimiter, setDelimiter] = useState<'' | CsvDelimiter>('');

  const exportCsv = async () => {
    const counterNames = Object.fromEntries(
      ALL_COUNTERS.map((id) => [id, t(`summary.counters.${id}`)]),
    ) as Record<CounterId, string>;
    const { name, officerId } = session.identity;
    const table = csvRows(rows, comparison.current.total, {
      title: t('summaries.csvTitle'),
      lines: [
        [t('summaries.csvPeriod'), periodName],
        [t('summaries.csvWhere'), where],
        [t('summaries.csvBy'), t(`summaries.dim_${tab}`)],
        [t('summaries.csvWhen'), new Date().toISOString()],
        [t('summaries.csvWho'), `${name} (${officerId})`],
      ],
      counterNames,
      dimensionName: t(`summaries.dim_${tab}`),
      ...(tab === 'post' || tab === 'officer' ? { idName: t(`summaries.csvId_${tab}`) } : {}),
      totalName: t('summaries.total'),
    });
    const text = toCsv(table, { lang, ...(delimiter ? { delimiter } : {}) });
    const fileName = `summary_${fileSafe(periodName)}_${fileSafe(where)}_${tab}.csv`;
    const saved = await platform.saveFile({
      suggestedName: fileName,
      data: new TextEncoder().encode(text),
      filters: CSV_FILTERS,
    });
    if (saved.saved)
      showToast({
        kind: 'ok',
        key: 'summaries.exported',
        params: { name: fileName },
        ofScreen: true,
      });
  };

  // Desktop: the main process prints the window (its print stylesheet) into a PDF file.
  const savePdf = async () => {
    const fileName = `summary_${fileSafe(periodName)}_${fileSafe(where)}_${tab}.pdf`;
    const saved = await platform.printToPdf?.({ suggestedName: fileName, landscape: true });
    if (saved?.saved)
      showToast({
        kind: 'ok',
        key: 'summaries.exported',
        params: { name: fileName },
        ofScreen: true,
      });
  };

  return (
    <div className="summary-export no-print">
      <h2>{t('summaries.export')}</h2>
      <div className="summary-controls">
        <div className="field">
          <label htmlFor="csv-delimiter">{t('summaries.delimiter')}</label>
          <select
            id="csv-delimiter"
            value={delimiter}
            onChange={(e) => setDelimiter(e.target.value as '' | CsvDelimiter)}
          >
            <option value="">{t('summaries.delimiter_default')}</option>
            <option value=",">{t('summaries.delimiter_comma')}</option>
            <option value=";">{t('summaries.delimiter_semicolon')}</option>
          </select>
        </div>
        <button type="button" onClick={() => void exportCsv()}>
          {t('summaries.exportCsv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('summaries.print')}
        </button>
        {platform.printToPdf ? (
          <button type="button" onClick={() => void savePdf()}>
            {t('summaries.savePdf')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
