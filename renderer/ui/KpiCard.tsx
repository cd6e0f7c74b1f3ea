import type { ReactNode } from 'react';
import './lead-ui.css';

type Props = {
  label: string;
  value: ReactNode;
  /** A second line: the comparison or the unit's meaning. */
  hint?: ReactNode;
  tone?: 'neutral' | 'ok' | 'warn' | 'danger';
};

/** One key figure, large, with its label above and a hint below; `KpiGrid` names a set of them. */
export function KpiCard({ label, value, hint, tone = 'neutral' }: Props) {
  return (
    <div className={`kpi kpi-${tone}`} role="group" aria-label={label}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {hint !== undefined && <div className="kpi-hint">{hint}</div>}
    </div>
  );
}

export function KpiGrid({ children, label }: { children: ReactNode; label: string }) {
  return (
    <section className="kpi-grid" aria-label={label}>
      {children}
    </section>
  );
}
