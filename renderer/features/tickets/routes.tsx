import type { FeatureRoute } from '../../app/feature-registry';
import { TicketDetail } from './TicketDetail';
import { TicketList } from './TicketList';

export const routes: FeatureRoute[] = [
  {
    path: '/tickets',
    labelKey: 'tickets:nav',
    navOrder: 10,
    render: (route) => (route.segments[1] ? <TicketDetail ticketId={route.segments[1]} /> : <TicketList />),
  },
];
