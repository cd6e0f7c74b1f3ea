import type { FeatureRoute } from '../../app/feature-registry';
import { DossierIndex } from './DossierIndex';
import { DossierPage } from './DossierPage';
import { DossierPdf } from './DossierPdf';
import { EcheancesPage } from './EcheancesPage';
import { VaultPage } from './vault/VaultPage';

/**
 * `/dossier` (every client's file, technicians and leads), `/dossier/:clientId?section=…`,
 * `/dossier/:clientId/coffre` (the vault), `/dossier/:clientId/pdf` (the printable dossier),
 * `/echeances` (every client's échéances).
 */
export const routes: FeatureRoute[] = [
  {
    path: '/dossier',
    labelKey: 'dossier:nav',
    navOrder: 20,
    render: (route) => {
      const [, clientId, sub] = route.segments;
      if (!clientId) return <DossierIndex />;
      if (sub === 'coffre') return <VaultPage route={route} />;
      if (sub === 'pdf') return <DossierPdf route={route} />;
      return <DossierPage route={route} />;
    },
  },
  // Reached from the home card, the status bar and the dossiers' list: the leads' navigation is full.
  { path: '/echeances', labelKey: 'dossier:navEcheances', render: () => <EcheancesPage /> },
];
