// The charts: the headline figure per activity type, a measure per post and per month. SVG
// from Recharts (prints as text, clean under the CSP), animation off, and under each chart
// its numbers as a table for screen readers and for print.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartPoint {
  label: string;
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
  const width = Math.max(360, Math.min(960, 48 * data.length + 120));
  const axis = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis
        dataKey="label"
        interval={0}
        angle={data.length > 8 ? -45 : 0}
        textAnchor={data.length > 8 ? 'end' : 'middle'}
        height={data.length > 8 ? 80 : 30}
      />
      <YAxis tickFormatter={(v: number) => format(v)} width={70} />
      <Tooltip formatter={(v) => format(Number(v))} />
    </>
  );
  return (
    <figure className="summary-chart">
      <figcaption>{title}</figcaption>
      {data.length === 0 ? (
        <p className="hint">{t('summaries.chartEmpty')}</p>
      ) : (
        <div className="chart-svg" aria-hidden="true">
          {kind === 'bar' ? (
            <BarChart width={width} height={300} data={data} accessibilityLayer={false}>
              {axis}
              <Bar dataKey="value" name={title} fill="#1f5f8b" isAnimationActive={false} />
            </BarChart>
          ) : (
            <LineChart width={width} height={300} data={data} accessibilityLayer={false}>
              {axis}
              <Line
                dataKey="value"
                name={title}
                stroke="#1f5f8b"
                strokeWidth={2}
                isAnimationActive={false}
              />
            </LineChart>
          )}
        </div>
      )}
      <ChartData title={title} column={column} points={points} format={format} />
    </figure>
  );
}
