/**
 * What only the server can do, asked for with the session's tokens: inviting an account (the
 * server holds the credentials), making a client's reversibility archive (from the central
 * store, not this device's copy) and drawing one compte-rendu as a PDF. All need the network;
 * offline they fail with an ApiError-free `TypeError` the screens report as "needs a connection".
 */
import type { CreatedAccount, NewAccount } from '../../shared/sync';
import type { ApiClient } from './sync/api-client';

export type ServerActions = ReturnType<typeof createServerActions>;

export function createServerActions(api: ApiClient) {
  /** A file the server makes, named as its content-disposition says (else `fallbackName`). */
  async function file(path: string, fallbackName: string): Promise<{ blob: Blob; fileName: string }> {
    const response = await api.request(path);
    const disposition = response.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
    return { blob: await response.blob(), fileName };
  }

  return {
    inviteAccount: (account: NewAccount): Promise<CreatedAccount> =>
      api.json<CreatedAccount>('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      }),

    /** The ZIP and the file name the server gave it. */
    clientExport: (clientId: string) =>
      file(`/api/clients/${encodeURIComponent(clientId)}/export`, `reversibilite-${clientId}.zip`),

    /** One compte-rendu as the server draws it (GET /api/interventions/:id/compte-rendu.pdf). */
    compteRenduPdf: (interventionId: string) =>
      file(
        `/api/interventions/${encodeURIComponent(interventionId)}/compte-rendu.pdf`,
        `compte-rendu-${interventionId}.pdf`,
      ),
  };
}
