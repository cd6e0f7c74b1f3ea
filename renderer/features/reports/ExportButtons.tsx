import { useState } from 'react';
import { useTranslation } from '../../i18n';
import type { Report, ReportFilter } from './aggregate';
import { breakdownTables, exportFileName, interventionsTable } from './export-rows';
import { CSV_TYPE, download, toCsv, toXlsx, XLSX_TYPE } from './export-table';
import type { ReportFacts } from './facts';
import type { NameBook } from './useNames';

type Props = { facts: ReportFacts; filter: ReportFilter; report: Report; names: NameBook };

/** CSV (the interventions) and XLSX (interventions plus breakdowns) of what the screen shows. */
export function ExportButtons({ facts, filter, report, names }: Props) {
  const { t } = useTranslation('reports');
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const run = async (kind: 'csv' | 'xlsx') => {
    setState({ busy: true });
    try {
      const name = exportFileName(filter);
      const interventions = interventionsTable(facts, filter, names);
      if (kind === 'csv') download(`${name}.csv`, toCsv(interventions), CSV_TYPE);
      else download(`${name}.xlsx`, await toXlsx([interventions, ...breakdownTables(report, names)]), XLSX_TYPE);
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="export-buttons" role="group" aria-label={t('export.label')}>
      <button type="button" className="btn" disabled={state.busy} onClick={() => void run('csv')}>
        {t('export.csv')}
      </button>
      <button type="button" className="btn" disabled={state.busy} onClick={() => void run('xlsx')}>
        {t('export.xlsx')}
      </button>
      {state.busy && (
        <span className="muted" role="status">
          {t('export.working')}
        </span>
      )}
      {state.error && (
        <span className="form-error" role="alert">
          {t('export.failed', { message: state.error })}
        </span>
      )}
    </div>
  );
}
