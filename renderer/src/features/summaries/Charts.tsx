// The charts: the headline figure per activity type, a measure per post and per month. SVG
// from Recharts (prints as text, clean under the CSP), animation off, and under each chart
// its numbers as a table for screen readers and for print. Names read across (horizontal
// bars) so long type and city names never overlap.
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartPoint {
  label: string;
  /** A shorter name for the axis (a month as "Apr 2010"); the tooltip and table keep `label`. */
  short?: string;
  value: number;
}

function ChartData({
  title,
  column,
  points,
  format,
}: {
  title: string;
  column: string;
  points: readonly ChartPoint[];
  format: (n: number) => string;
}) {
  const { t } = useTranslation();
  return (
    <table className="chart-data">
      <caption>{t('summaries.chartData', { title })}</caption>
      <thead>
        <tr>
          <th scope="col">{column}</th>
          <th scope="col" className="num">
            {title}
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.label}>
            <th scope="row">{p.label}</th>
            <td className="num">{format(p.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Names longer than this are cut on the axis; the tooltip and the data table keep them whole.
 * Every activity type's name fits whole in both languages (the longest French one has 36).
 */
const LABEL_CHARS = 38;
/**
 * About one character of the axis's text (wide fonts included), for sizing the name column:
 * a narrower column made Recharts wrap names onto two lines, into the next bar's row.
 */
const CHAR_PX = 9;
const BAR_ROW_PX = 32;
const CHART_WIDTH = 720;

function cut(label: string): string {
  return label.length <= LABEL_CHARS ? label : `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…`;
}

export function Chart({
  kind,
  title,
  column,
  points,
  format,
}: {
  kind: 'bar' | 'line';
  title: string;
  column: string;
  points: readonly ChartPoint[];
  format: (n: number) => string;
}) {
  const { t } = useTranslation();
  const data = [...points];
  const tooltip = <Tooltip formatter={(v) => format(Number(v))} isAnimationActive={false} />;
  return (
    <figure className="summary-chart">
      <figcaption>{title}</figcaption>
      {data.length === 0 ? (
        <p className="hint">{t('summaries.chartEmpty')}</p>
      ) : (
        <div className="chart-svg" aria-hidden="true">
          {kind === 'bar' ? (
            <BarRows data={data} title={title} format={format} tooltip={tooltip} />
          ) : (
            <MonthLine data={data} title={title} format={format} tooltip={tooltip} />
          )}
        </div>
      )}
      <ChartData title={title} column={column} points={points} format={format} />
    </figure>
  );
}

interface Drawn {
  data: ChartPoint[];
  title: string;
  format: (n: number) => string;
  tooltip: ReactNode;
}

/**
 * Names down the side, bars across: activity types and city names are long, and side by
 * side under vertical bars they overlapped; read across, each has its own line in either
 * language, and 49 posts make a taller chart rather than an unreadable one.
 */
function BarRows({ data, title, format, tooltip }: Drawn) {
  const longest = Math.max(...data.map((p) => cut(p.label).length));
  const nameWidth = Math.min(LABEL_CHARS * CHAR_PX + 16, longest * CHAR_PX + 16);
  return (
    <BarChart
      layout="vertical"
      width={CHART_WIDTH}
      height={data.length * BAR_ROW_PX + 50}
      data={data}
      margin={{ top: 5, right: 30, bottom: 5, left: 5 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      {/* Counts of people and entries: whole numbers on the axis, never 0.5. */}
      <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => format(v)} />
      <YAxis
        type="category"
        dataKey="label"
        width={nameWidth}
        interval={0}
        tickFormatter={(label: string) => cut(label)}
      />
      {tooltip}
      <Bar dataKey="value" name={title} fill="#1f5f8b" isAnimationActive={false} />
    </BarChart>
  );
}

/** Months along the bottom, by their short names, slanted when a year of them would touch. */
function MonthLine({ data, title, format, tooltip }: Drawn) {
  const slant = data.length > 8;
  return (
    <LineChart
      width={Math.max(360, Math.min(CHART_WIDTH, 56 * data.length + 120))}
      height={300}
      data={data}
      margin={{ top: 5, right: 30, bottom: 5, left: 5 }}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="label"
        interval={0}
        angle={slant ? -40 : 0}
        textAnchor={slant ? 'end' : 'middle'}
        height={slant ? 70 : 30}
        tickFormatter={(label: string, i: number) => data[i]?.short ?? label}
      />
      <YAxis allowDecimals={false} tickFormatter={(v: number) => format(v)} width={70} />
      {tooltip}
      <Line
        dataKey="value"
        name={title}
        stroke="#1f5f8b"
        strokeWidth={2}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
