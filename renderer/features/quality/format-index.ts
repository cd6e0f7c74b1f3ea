import type { Locale } from '../../../shared/format';

const formatters = new Map<Locale, Intl.NumberFormat>();

/** An index in [0, 1] as a percentage: formatIndex(0.925) → "92,5 %"; null → "—". */
export function formatIndex(index: number | null, locale: Locale): string {
  if (index === null) return '—';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', {
      style: 'percent',
      maximumFractionDigits: 1,
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(index);
}

/** Index tone for a KPI: ≥ 90 % ok, ≥ 75 % warn, below danger. */
export function indexTone(index: number | null): 'neutral' | 'ok' | 'warn' | 'danger' {
  if (index === null) return 'neutral';
  return index >= 0.9 ? 'ok' : index >= 0.75 ? 'warn' : 'danger';
}
