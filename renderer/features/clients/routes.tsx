import type { FeatureRoute } from '../../app/feature-registry';
import { ClientPage } from './ClientPage';
import { ClientsPage } from './ClientsPage';

export const routes: FeatureRoute[] = [
  {
    path: '/clients',
    labelKey: 'clients:nav',
    navOrder: 90,
    roles: ['lead', 'admin'],
    render: (route) => (route.segments[1] ? <ClientPage route={route} /> : <ClientsPage />),
  },
];
