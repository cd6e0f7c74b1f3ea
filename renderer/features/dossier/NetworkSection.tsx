import type { Client } from '../../../shared/schemas';
import { DiagramPanel } from './DiagramPanel';
import { NetworkListPanel } from './NetworkListPanel';

/** The network part of the dossier: the diagram and, beside it, the structured list. */
export function NetworkSection({ client }: { client: Client }) {
  return (
    <div className="network-grid">
      <DiagramPanel client={client} />
      <NetworkListPanel client={client} />
    </div>
  );
}
