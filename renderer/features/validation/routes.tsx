import type { FeatureRoute } from '../../app/feature-registry';
import { ValidationPage } from './ValidationPage';

export const routes: FeatureRoute[] = [
  {
    path: '/validation',
    labelKey: 'validation:nav',
    navOrder: 80,
    roles: ['lead', 'admin'],
    render: (route) => <ValidationPage route={route} />,
  },
];
