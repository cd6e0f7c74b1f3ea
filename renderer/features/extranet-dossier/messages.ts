/** Words of the client's technical file and vault on the extranet (namespace `extranet-dossier`). */
export const messages = {
  fr: {
    navDossier: 'Dossier technique',
    navVault: 'Coffre-fort',
    loading: 'Chargement de votre dossier…',
    client: 'Client',
    noClient: 'Aucun client n’est rattaché à votre compte : demandez à votre prestataire de vous y rattacher.',
    unknownClient: 'Ce client ne fait pas partie de ceux rattachés à votre compte.',
    dossier: {
      title: 'Dossier technique — {{name}}',
      explain:
        'Votre dossier technique tenu à jour par nos techniciens (CP art. 5) : inventaire et échéances, coordonnées des prestataires, réseau et schémas. Pour toute modification, écrivez-nous dans la main courante.',
      pdf: 'Version imprimable (PDF)',
    },
    vault: {
      title: 'Coffre-fort — {{name}}',
      explain:
        'Les mots de passe que votre prestataire vous confie, chiffrés sur votre poste : déverrouillez avec la phrase de passe du coffre-fort. Chaque affichage et chaque copie sont enregistrés dans le journal des accès de votre prestataire.',
      notGranted:
        'Le coffre-fort de {{name}} ne vous est pas ouvert. Pour y accéder, demandez-le à un responsable de votre prestataire : {{leads}}.',
      notGrantedNoLead:
        'Le coffre-fort de {{name}} ne vous est pas ouvert. Pour y accéder, demandez-le à votre interlocuteur chez votre prestataire.',
      empty: 'Aucun mot de passe ne vous est encore confié dans ce coffre-fort.',
    },
  },
  en: {
    navDossier: 'Technical file',
    navVault: 'Vault',
    loading: 'Loading your file…',
    client: 'Client',
    noClient: 'No client is bound to your account: ask your provider to bind you to one.',
    unknownClient: 'This client is not one of those bound to your account.',
    dossier: {
      title: 'Technical file — {{name}}',
      explain:
        'Your technical file, kept up to date by our technicians (CP art. 5): inventory and due dates, providers’ contacts, network and diagrams. For any change, write to us in the log book.',
      pdf: 'Printable version (PDF)',
    },
    vault: {
      title: 'Vault — {{name}}',
      explain:
        'The passwords your provider entrusts to you, encrypted on your device: unlock with the vault’s passphrase. Every display and every copy is recorded in your provider’s access log.',
      notGranted:
        'The vault of {{name}} is not open to you. To get access, ask one of your provider’s managers: {{leads}}.',
      notGrantedNoLead: 'The vault of {{name}} is not open to you. To get access, ask your contact at your provider.',
      empty: 'No password has been entrusted to you in this vault yet.',
    },
  },
};
