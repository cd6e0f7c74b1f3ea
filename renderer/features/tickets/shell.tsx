import type { ShellPart } from '../../app/feature-registry';
import { SlaNotifier } from './SlaNotifier';

export const shell: ShellPart = { Global: SlaNotifier, order: 20 };
