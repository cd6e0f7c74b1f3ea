/** Words of the reversibility export (namespace `reversibility`). */
export const messages = {
  fr: {
    button: 'Export de réversibilité (ZIP)',
    hint: 'Toutes les données du client en JSON et CSV, les comptes-rendus en PDF et leur description (CG art. 23).',
    working: 'Préparation de l’archive…',
    done: 'Archive {{fileName}} téléchargée.',
    offline: 'L’export est préparé par le serveur : reconnectez-vous au réseau pour le télécharger.',
    failed: 'Export impossible : {{message}}',
  },
  en: {
    button: 'Reversibility export (ZIP)',
    hint: 'All of the client’s data as JSON and CSV, the comptes-rendus as PDFs and their description (CG art. 23).',
    working: 'Preparing the archive…',
    done: 'Archive {{fileName}} downloaded.',
    offline: 'The server prepares the export: reconnect to the network to download it.',
    failed: 'Export failed: {{message}}',
  },
};
