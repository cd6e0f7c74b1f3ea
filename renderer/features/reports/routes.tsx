import type { FeatureRoute } from '../../app/feature-registry';
import { ReportsPage } from './ReportsPage';

export const routes: FeatureRoute[] = [
  {
    path: '/reports',
    labelKey: 'reports:nav',
    navOrder: 50,
    roles: ['lead', 'admin'],
    render: (route) => <ReportsPage route={route} />,
  },
];
