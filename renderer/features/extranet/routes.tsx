import type { FeatureRoute } from '../../app/feature-registry';
import { ExtranetHome } from './ExtranetHome';

/** The client account's shell: its own home, and none of the staff screens. */
export const routes: FeatureRoute[] = [
  { path: '/', labelKey: 'extranet:nav', navOrder: 0, roles: ['client'], render: () => <ExtranetHome /> },
];
