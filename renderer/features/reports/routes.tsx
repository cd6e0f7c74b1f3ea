import type { FeatureRoute } from '../../app/feature-registry';
import { lazyScreen } from '../../ui/lazyScreen';

// Charts: the reports' code (and the chart library) loads on first visit.
const ReportsPage = lazyScreen(async () => (await import('./ReportsPage')).ReportsPage);

export const routes: FeatureRoute[] = [
  {
    path: '/reports',
    labelKey: 'reports:nav',
    navOrder: 50,
    roles: ['lead', 'admin'],
    render: (route) => <ReportsPage route={route} />,
    preload: ReportsPage.preload,
  },
];
