/**
 * French — the reference language. Keeps the contract's own words: UT, forfait, heures ouvrées,
 * main courante, compte-rendu, déplacement, GTR, IMS.
 */
export const fr = {
  app: {
    name: 'Cadran',
    tagline: 'Support informatique sous contrat d’infogérance',
    skipToContent: 'Aller au contenu',
    language: 'Langue',
    languages: { fr: 'Français', en: 'English' },
    loadingScreen: 'Chargement de l’écran…',
  },
  nav: {
    label: 'Navigation principale',
    home: 'Accueil',
  },
  home: {
    greeting: 'Bonjour {{name}}',
    newCall: 'Nouvel appel',
    today: 'Nous sommes le {{date}}, il est {{time}}.',
    atRisk: 'Engagements 30 min en cours',
    noneAtRisk: 'Aucun ticket en attente d’intervention.',
    mine: 'Mes tickets ouverts ({{count}})',
    noneMine: 'Aucun ticket ouvert à votre nom.',
    allTickets: 'Tous les tickets',
    shortcuts: 'Raccourcis : Alt+N nouvel appel · Alt+P pause/reprise du chrono · Alt+S arrêter le chrono.',
  },
  firstSync: {
    title: 'Première synchronisation',
    explain:
      'Cet appareil reçoit le travail de l’équipe (tickets, interventions, contrats). Ensuite, tout fonctionne aussi sans réseau.',
    received: '{{formatted}} documents reçus',
  },
  status: {
    label: 'État de l’application',
    online: 'En ligne',
    offline: 'Hors ligne',
    allSynced: 'Tout est synchronisé',
    pending: '{{count}} modification(s) en attente',
    lastSync: 'Dernière synchro à {{time}}',
    initialSync: 'Première synchronisation…',
    error: 'Erreur de synchro : {{message}}',
    clockSkew: 'L’horloge de cet appareil décale de {{minutes}} min par rapport au serveur.',
  },
  errors: {
    title: 'Une erreur est survenue',
    reload: 'Recharger',
    notFound: 'Cette page n’existe pas.',
    backHome: 'Retour à l’accueil',
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every language provides exactly the French keys. */
export type Messages = Widen<typeof fr>;
