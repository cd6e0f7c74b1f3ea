import type { FeatureRoute } from '../../app/feature-registry';
import { lazyScreen } from '../../ui/lazyScreen';
import { ComptesRendusPage } from './ComptesRendusPage';
import { ExtranetReport } from './ExtranetReport';

// The quality screen draws the staff's chart: its code loads on first visit, as for the staff.
const ExtranetQuality = lazyScreen(async () => (await import('./ExtranetQuality')).ExtranetQuality);

/** The client's comptes-rendus and its quality index, on the extranet (CP art. 5). */
export const routes: FeatureRoute[] = [
  {
    path: '/comptes-rendus',
    labelKey: 'extranet-reports:nav',
    navOrder: 20,
    roles: ['client'],
    render: (route) =>
      route.segments[1] ? <ExtranetReport interventionId={route.segments[1]} /> : <ComptesRendusPage />,
  },
  {
    path: '/qualite',
    labelKey: 'extranet-reports:quality.nav',
    navOrder: 30,
    roles: ['client'],
    render: () => <ExtranetQuality />,
    preload: () => ExtranetQuality.preload(),
  },
];
