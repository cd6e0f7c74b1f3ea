import type { FeatureRoute } from '../../app/feature-registry';
import { MainCourantePage } from './MainCourantePage';
import { ThreadPage } from './ThreadPage';

export const routes: FeatureRoute[] = [
  {
    path: '/main-courante',
    labelKey: 'main-courante:nav',
    navOrder: 30,
    // Keyed by client: what is new is judged when a thread opens.
    render: (route) =>
      route.segments[1] ? <ThreadPage key={route.segments[1]} clientId={route.segments[1]} /> : <MainCourantePage />,
  },
];
