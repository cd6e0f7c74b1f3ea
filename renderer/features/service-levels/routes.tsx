import type { FeatureRoute } from '../../app/feature-registry';
import { ServiceLevelsPage } from './ServiceLevelsPage';

export const routes: FeatureRoute[] = [
  {
    path: '/service-levels',
    labelKey: 'service-levels:nav',
    navOrder: 70,
    roles: ['lead', 'admin'],
    render: (route) => <ServiceLevelsPage route={route} />,
  },
];
