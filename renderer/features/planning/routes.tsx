import type { FeatureRoute } from '../../app/feature-registry';
import { CoordinationPage } from './CoordinationPage';
import { CoordinationSheet } from './CoordinationSheet';
import { PlanningPage } from './PlanningPage';

export const routes: FeatureRoute[] = [
  {
    path: '/planning',
    labelKey: 'planning:nav',
    navOrder: 20,
    render: (route) => {
      const [, sub, ticketId, pdf] = route.segments;
      if (sub === 'coordination' && ticketId) {
        return pdf === 'pdf' ? <CoordinationSheet ticketId={ticketId} /> : <CoordinationPage ticketId={ticketId} />;
      }
      return <PlanningPage route={route} />;
    },
  },
];
