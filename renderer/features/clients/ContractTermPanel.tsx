import { contractTerm } from '../../../shared/domain';
import { useFormat, useTranslation } from '../../i18n';

/** Days before the last notice date from which the warning shows. */
const WARN_DAYS = 90;

/**
 * The contract's life (CG art. 18–19): firm period, current term, tacit renewals, and the last
 * day a registered letter can stop the next renewal — with a warning as it comes close.
 */
export function ContractTermPanel({
  startDate,
  termYears,
  terminatedOn,
  today,
}: {
  startDate: string;
  termYears: number;
  terminatedOn?: string | undefined;
  today: string;
}) {
  const { t } = useTranslation('clients');
  const fmt = useFormat();
  let term: ReturnType<typeof contractTerm>;
  try {
    term = contractTerm(startDate, termYears, today);
  } catch {
    // An unfinished date or term while typing: nothing to show yet.
    return null;
  }
  const day = (iso: string) => fmt.date(`${iso}T12:00:00Z`);
  const notice =
    terminatedOn !== undefined ? (
      <p className="notice">{t('term.terminated', { date: day(terminatedOn) })}</p>
    ) : term.daysToNotice < 0 ? (
      <p className="notice notice-warn" role="status">
        {t('term.passed', { date: day(term.currentEnd) })}
      </p>
    ) : term.daysToNotice <= WARN_DAYS ? (
      <p className="notice notice-warn" role="status">
        {t('term.warnSoon', { date: day(term.lastNoticeDate), days: term.daysToNotice })}
      </p>
    ) : (
      <p className="muted">{t('term.ok')}</p>
    );
  return (
    <section className="card" aria-labelledby="term-title">
      <h2 id="term-title">{t('term.title')}</h2>
      <dl className="facts-list">
        <dt>{t('term.firmEnd')}</dt>
        <dd>{day(term.firmEnd)}</dd>
        <dt>{t('term.currentEnd')}</dt>
        <dd>{day(term.currentEnd)}</dd>
        <dt>{t('term.renewals')}</dt>
        <dd>{term.renewals}</dd>
        <dt>{t('term.lastNotice')}</dt>
        <dd>
          {day(term.lastNoticeDate)}
          {term.daysToNotice >= 0 && <span className="muted"> ({t('term.inDays', { days: term.daysToNotice })})</span>}
        </dd>
      </dl>
      {notice}
    </section>
  );
}
