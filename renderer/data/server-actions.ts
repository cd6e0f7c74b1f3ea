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
  return {
    inviteAccount: (account: NewAccount): Promise<CreatedAccount> =>
      api.json<CreatedAccount>('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      }),

    /** The ZIP and the file name the server gave it. */
    async clientExport(clientId: string): Promise<{ blob: Blob; fileName: string }> {
      const response = await api.request(`/api/clients/${encodeURIComponent(clientId)}/export`);
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `reversibilite-${clientId}.zip`;
      return { blob: await response.blob(), fileName };
    },

    /** One compte-rendu as the server draws it (GET /api/interventions/:id/compte-rendu.pdf). */
    async compteRenduPdf(interventionId: string): Promise<{ blob: Blob; fileName: string }> {
      const response = await api.request(`/api/interventions/${encodeURIComponent(interventionId)}/compte-rendu.pdf`);
      const disposition = response.headers.get('content-disposition') ?? '';
      const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `compte-rendu-${interventionId}.pdf`;
      return { blob: await response.blob(), fileName };
    },
  };
}
