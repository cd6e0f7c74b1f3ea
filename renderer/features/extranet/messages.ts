/** Words of the client's extranet (namespace `extranet`). */
export const messages = {
  fr: {
    nav: 'Accueil',
    title: 'Espace client — {{names}}',
    greeting: 'Bonjour {{name}}. Nous sommes le {{date}}, {{time}}.',
    loading: 'Chargement de vos données…',
    tickets: {
      title: 'Demandes en cours ({{count}})',
      explain:
        'Pour chaque demande, l’engagement d’intervention : un technicien intervient dans les 30 minutes ouvrées qui suivent la réception de l’appel.',
      none: 'Aucune demande en cours.',
      reference: 'Référence',
      subject: 'Objet',
      received: 'Reçue le',
      status: 'État',
      commitment: 'Engagement 30 min',
    },
    credit: {
      title: 'Votre crédit',
      none: 'Aucun contrat.',
      contract: 'Contrat {{number}}',
      ut: 'Solde UT',
      utHours: 'soit {{duration}} (1 UT = ¼ h)',
      halfDays: 'Demi-journées',
      halfDayUnit: '½ j',
      renewals: 'Dernières bases facturées',
      base: 'Base n° {{block}} du {{date}} : {{quantity}} UT, {{amount}} HT',
      renewal: 'Renouvellement n° {{block}} du {{date}} : {{quantity}} UT, {{amount}} HT',
      invoice: '— facture {{id}}, {{ttc}} TTC',
      invoicePending: '— facture en cours d’émission',
      broken: 'Calcul impossible : {{message}}',
    },
    data: {
      title: 'Vos données',
      explain:
        'Téléchargez à tout moment l’ensemble de vos données dans des formats standard (JSON, CSV, PDF), avec leur description (réversibilité, CG art. 23).',
    },
  },
  en: {
    nav: 'Home',
    title: 'Client area — {{names}}',
    greeting: 'Hello {{name}}. It is {{date}}, {{time}}.',
    loading: 'Loading your data…',
    tickets: {
      title: 'Open requests ({{count}})',
      explain:
        'For each request, the intervention commitment: a technician starts within 30 business minutes of the call being received.',
      none: 'No open request.',
      reference: 'Reference',
      subject: 'Subject',
      received: 'Received',
      status: 'Status',
      commitment: '30-minute commitment',
    },
    credit: {
      title: 'Your credit',
      none: 'No contract.',
      contract: 'Contract {{number}}',
      ut: 'UT balance',
      utHours: 'that is {{duration}} (1 UT = ¼ h)',
      halfDays: 'Half-days',
      halfDayUnit: '½ d',
      renewals: 'Last bases invoiced',
      base: 'Base no. {{block}} of {{date}}: {{quantity}} UT, {{amount}} excl. VAT',
      renewal: 'Renewal no. {{block}} of {{date}}: {{quantity}} UT, {{amount}} excl. VAT',
      invoice: '— invoice {{id}}, {{ttc}} incl. VAT',
      invoicePending: '— invoice being issued',
      broken: 'Cannot compute: {{message}}',
    },
    data: {
      title: 'Your data',
      explain:
        'Download all of your data at any time in standard formats (JSON, CSV, PDF), with their description (reversibility, CG art. 23).',
    },
  },
};
