import type { FeatureRoute } from '../../app/feature-registry';
import { ExtranetHome } from './ExtranetHome';
import { MainCouranteHome } from './MainCouranteHome';

/** The client account's shell: its own home and main courante, and none of the staff screens. */
export const routes: FeatureRoute[] = [
  { path: '/', labelKey: 'extranet:nav', navOrder: 0, roles: ['client'], render: () => <ExtranetHome /> },
  {
    path: '/main-courante',
    labelKey: 'main-courante:nav',
    navOrder: 10,
    roles: ['client'],
    render: (route) => <MainCouranteHome clientId={route.segments[1]} />,
  },
];
