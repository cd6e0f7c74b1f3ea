import type { Client } from '../../../shared/schemas';
import { DiagramPanel } from './DiagramPanel';
import { NetworkListPanel } from './NetworkListPanel';

/** The network part of the dossier: the diagram and, beside it, the structured list (`readOnly`: no upload, no edit). */
export function NetworkSection({ client, readOnly = false }: { client: Client; readOnly?: boolean }) {
  return (
    <div className="network-grid">
      <DiagramPanel client={client} readOnly={readOnly} />
      <NetworkListPanel client={client} readOnly={readOnly} />
    </div>
  );
}
