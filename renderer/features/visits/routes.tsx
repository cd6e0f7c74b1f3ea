import type { FeatureRoute } from '../../app/feature-registry';
import { InterventionReport } from './InterventionReport';

export const routes: FeatureRoute[] = [
  {
    path: '/interventions',
    labelKey: 'visits:report.title',
    render: (route) => <InterventionReport interventionId={route.segments[1] ?? ''} />,
  },
];
