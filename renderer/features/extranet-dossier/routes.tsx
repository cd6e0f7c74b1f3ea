import type { FeatureRoute } from '../../app/feature-registry';
import { DossierPdf } from '../dossier/DossierPdf';
import { ExtranetDossierPage } from './ExtranetDossierPage';
import { ExtranetVaultPage } from './ExtranetVaultPage';

/**
 * The client's manager's technical file and vault (CP art. 5): `/dossier[/:clientId]`,
 * `/dossier/:clientId/pdf` (the staff's printable dossier, never a secret), `/coffre[/:clientId]`.
 * The staff's `/dossier` is another route of the same path, for other roles.
 */
export const routes: FeatureRoute[] = [
  {
    path: '/dossier',
    labelKey: 'extranet-dossier:navDossier',
    navOrder: 40,
    roles: ['client'],
    render: (route) =>
      route.segments[2] === 'pdf' ? <DossierPdf route={route} /> : <ExtranetDossierPage route={route} />,
  },
  {
    path: '/coffre',
    labelKey: 'extranet-dossier:navVault',
    navOrder: 50,
    roles: ['client'],
    render: (route) => <ExtranetVaultPage route={route} />,
  },
];
