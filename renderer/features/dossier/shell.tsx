import type { ShellPart } from '../../app/feature-registry';
import { EcheanceNotifier, EcheanceStatus } from './EcheanceNotifier';
import { VaultAutoLock } from './vault/VaultAutoLock';

function DossierGlobal() {
  return (
    <>
      <EcheanceNotifier />
      <VaultAutoLock />
    </>
  );
}

export const shell: ShellPart = { Global: DossierGlobal, StatusItem: EcheanceStatus, order: 40 };
