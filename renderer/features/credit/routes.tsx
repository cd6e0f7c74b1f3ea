import type { FeatureRoute } from '../../app/feature-registry';
import { ContractCredit } from './ContractCredit';
import { CreditPage } from './CreditPage';

export const routes: FeatureRoute[] = [
  {
    path: '/credit',
    labelKey: 'credit:nav',
    navOrder: 60,
    roles: ['lead', 'admin'],
    render: (route) => (route.segments[1] ? <ContractCredit contractId={route.segments[1]} /> : <CreditPage />),
  },
];
