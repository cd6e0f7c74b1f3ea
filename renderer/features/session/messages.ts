export const messages = {
  fr: {
    login: {
      title: 'Connexion',
      intro: 'Connectez-vous au serveur de votre équipe. Ensuite, Cadran fonctionne aussi sans réseau.',
      server: 'Serveur',
      email: 'Adresse e-mail',
      password: 'Mot de passe',
      submit: 'Se connecter',
      submitting: 'Connexion…',
      failed: 'Connexion impossible : {{message}}',
      unreachable: 'Le serveur {{server}} ne répond pas. Vérifiez l’adresse et le réseau.',
    },
    logout: {
      button: 'Se déconnecter',
      title: 'Se déconnecter',
      question: 'Effacer aussi les données de {{name}} sur cet appareil ?',
      pendingWarning: '{{count}} modification(s) n’ont pas encore atteint le serveur : elles seraient perdues.',
      keep: 'Garder les données',
      wipe: 'Effacer les données',
      cancel: 'Annuler',
    },
    expired: {
      message:
        'Votre session a expiré : reconnectez-vous pour reprendre la synchronisation. Vos données locales sont conservées.',
      action: 'Se reconnecter',
    },
    notKept: {
      message:
        'Votre session n’est pas conservée sur cet appareil : aucun trousseau sécurisé n’y protège les identifiants (sous Linux, installez et déverrouillez GNOME Keyring ou KWallet). Vous vous reconnecterez à la prochaine ouverture de Cadran ; vos données locales restent sur l’appareil.',
      dismiss: 'Compris',
    },
    loading: 'Ouverture des données…',
    user: 'Connecté : {{name}} ({{role}})',
    roles: { technician: 'technicien', lead: 'chef d’équipe', admin: 'administrateur' },
  },
  en: {
    login: {
      title: 'Sign in',
      intro: 'Sign in to your team’s server. After that, Cadran also works without a network.',
      server: 'Server',
      email: 'Email address',
      password: 'Password',
      submit: 'Sign in',
      submitting: 'Signing in…',
      failed: 'Could not sign in: {{message}}',
      unreachable: 'The server {{server}} does not answer. Check the address and the network.',
    },
    logout: {
      button: 'Sign out',
      title: 'Sign out',
      question: 'Also erase {{name}}’s data from this device?',
      pendingWarning: '{{count}} change(s) have not reached the server yet: they would be lost.',
      keep: 'Keep the data',
      wipe: 'Erase the data',
      cancel: 'Cancel',
    },
    expired: {
      message: 'Your session has expired: sign in again to resume syncing. Your local data is kept.',
      action: 'Sign in again',
    },
    notKept: {
      message:
        'Your session is not kept on this device: no secure keyring protects credentials here (on Linux, install and unlock GNOME Keyring or KWallet). You will sign in again the next time you open Cadran; your local data stays on the device.',
      dismiss: 'Got it',
    },
    loading: 'Opening your data…',
    user: 'Signed in: {{name}} ({{role}})',
    roles: { technician: 'technician', lead: 'team lead', admin: 'administrator' },
  },
};
