import type { Messages } from './fr';

/** English. French contract terms (UT, forfait, GTR, IMS) stay as they are. */
export const en: Messages = {
  app: {
    name: 'Cadran',
    tagline: 'IT support under a managed-services contract',
    skipToContent: 'Skip to content',
    language: 'Language',
    languages: { fr: 'Français', en: 'English' },
    loadingScreen: 'Loading the screen…',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
  },
  home: {
    greeting: 'Hello {{name}}',
    newCall: 'New call',
    today: 'Today is {{date}}, it is {{time}}.',
    atRisk: 'Running 30-minute commitments',
    noneAtRisk: 'No ticket waiting for an intervention.',
    mine: 'My open tickets ({{count}})',
    noneMine: 'No open ticket in your name.',
    allTickets: 'All tickets',
    shortcuts: 'Shortcuts: Alt+N new call · Alt+P pause/resume the timer · Alt+S stop the timer.',
  },
  firstSync: {
    title: 'First sync',
    explain:
      'This device is receiving the team’s work (tickets, interventions, contracts). After that, everything also works offline.',
    received: '{{formatted}} documents received',
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
