import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useFormat, useTranslation } from '../../i18n';
import { formatIndex } from './format-index';

type Point = { month: string; index: number | null; counted: number };

/** The index month by month (a gap where nothing was due); the same figures in a table for screen readers. */
export function QualityTrendChart({ points }: { points: readonly Point[] }) {
  const { t } = useTranslation('quality');
  const fmt = useFormat();
  const label = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
  const data = points.map((p) => ({ ...p, label: label(p.month), percent: p.index === null ? null : p.index * 100 }));
  return (
    <figure className="card chart-card" aria-label={t('trend.title')}>
      <figcaption className="chart-title">
        <strong>{t('trend.title')}</strong> <span className="muted">{t('trend.hint')}</span>
      </figcaption>
      <div className="chart-box">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} width={48} unit=" %" />
            <Tooltip formatter={(value) => [formatIndex(Number(value) / 100, fmt.locale), t('trend.series')]} />
            <Line
              type="monotone"
              dataKey="percent"
              name={t('trend.series')}
              stroke="#1d4ed8"
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t('trend.month')}</th>
            <th scope="col">{t('trend.value')}</th>
            <th scope="col">{t('trend.counted')}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.month}>
              <td>{label(p.month)}</td>
              <td>{formatIndex(p.index, fmt.locale)}</td>
              <td>{p.counted}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
