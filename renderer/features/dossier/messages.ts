/** Words of the dossier feature (namespace `dossier`): French first, English available. */
import { en } from './messages-en';
import { fr } from './messages-fr';

export const messages = { fr, en };
