/** Words of the clients, contracts and inventory screens (namespace `clients`), one file per language. */
import { en } from './messages-en';
import { fr } from './messages-fr';

export const messages = { fr, en };
