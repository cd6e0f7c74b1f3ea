import type { FeatureRoute } from '../../app/feature-registry';
import { UsersPage } from './UsersPage';

export const routes: FeatureRoute[] = [
  { path: '/users', labelKey: 'accounts:nav', navOrder: 95, roles: ['lead', 'admin'], render: () => <UsersPage /> },
];
