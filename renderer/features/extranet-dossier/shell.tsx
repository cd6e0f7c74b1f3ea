import type { ShellPart } from '../../app/feature-registry';
import { VaultAutoLock } from '../dossier/vault/VaultAutoLock';

/** The client's vault locks itself as the staff's does: after inactivity, and when the machine sleeps or locks. */
export const shell: ShellPart = { Global: VaultAutoLock, roles: ['client'] };
