import { useTranslation } from '../../i18n';

/**
 * A balance against its base, as a bar and as text ("4 / 16 UT"). A low balance is drawn in the
 * warning colour and says so in words, not by colour alone.
 */
export function BalanceGauge({
  balance,
  base,
  low,
  unit,
}: {
  balance: number;
  base: number;
  low: boolean;
  unit: string;
}) {
  const { t } = useTranslation('credit');
  const share = Math.max(0, Math.min(1, balance / base));
  return (
    <span className="gauge">
      <span className={low ? 'gauge-bar gauge-low' : 'gauge-bar'} aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="gauge-text">
        {t('balanceOf', { balance, base })} {unit}
      </span>
      {low && <span className="chip chip-warn">{t('low')}</span>}
    </span>
  );
}
