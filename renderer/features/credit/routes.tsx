import type { FeatureRoute } from '../../app/feature-registry';
import { lazyScreen } from '../../ui/lazyScreen';
import { CreditPage } from './CreditPage';

// The contract's page draws a chart: its code (and the chart library) loads on first visit.
const ContractCredit = lazyScreen(async () => (await import('./ContractCredit')).ContractCredit);

export const routes: FeatureRoute[] = [
  {
    path: '/credit',
    labelKey: 'credit:nav',
    navOrder: 60,
    roles: ['lead', 'admin'],
    render: (route) => (route.segments[1] ? <ContractCredit contractId={route.segments[1]} /> : <CreditPage />),
    preload: ContractCredit.preload,
  },
];
