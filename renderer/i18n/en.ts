import type { Messages } from './fr';

/** English. French contract terms (UT, forfait, GTR, IMS) stay as they are. */
export const en: Messages = {
  app: {
    name: 'Cadran',
    tagline: 'IT support under a managed-services contract',
    skipToContent: 'Skip to content',
    language: 'Language',
    languages: { fr: 'Français', en: 'English' },
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
  },
  home: {
    title: 'Welcome to Cadran',
    intro: 'Cadran tracks your clients’ calls, interventions and UT credits, even with no network.',
    today: 'Today is {{date}}, it is {{time}}.',
    shell: '{{shell}} app',
    shells: { electron: 'Desktop', web: 'Browser' },
  },
  status: {
    label: 'Application status',
    online: 'Online',
    offline: 'Offline',
    allSynced: 'Everything synced',
    pending: '{{count}} change(s) waiting',
    lastSync: 'Last sync at {{time}}',
    initialSync: 'First sync…',
    error: 'Sync error: {{message}}',
    clockSkew: 'This device’s clock is {{minutes}} min off the server’s.',
  },
  errors: {
    title: 'Something went wrong',
    reload: 'Reload',
    notFound: 'This page does not exist.',
    backHome: 'Back to home',
  },
};
