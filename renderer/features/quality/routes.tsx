import type { FeatureRoute } from '../../app/feature-registry';
import { lazyScreen } from '../../ui/lazyScreen';

// Charts: the quality screens' code (and the chart library) loads on first visit.
const QualityPage = lazyScreen(async () => (await import('./QualityPage')).QualityPage);
const ClientQuality = lazyScreen(async () => (await import('./ClientQuality')).ClientQuality);

export const routes: FeatureRoute[] = [
  {
    path: '/quality',
    labelKey: 'quality:nav',
    navOrder: 65,
    roles: ['lead', 'admin'],
    render: (route) => (route.segments[1] ? <ClientQuality clientId={route.segments[1]} /> : <QualityPage />),
    preload: () => Promise.all([QualityPage.preload(), ClientQuality.preload()]),
  },
];
