/**
 * `GET /api/interventions/:id/compte-rendu.pdf` (docs/server.md, row "compte-rendu (PDF)"): a
 * real PDF drawn by the export's renderer, read back with unpdf; staff read every intervention's,
 * a client account only its own client's completed ones, and anything else is the same 404 as an
 * unknown id.
 */
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/databases';
import { type Account, addClientAccount } from './support/client-accounts';
import { seedExportClients } from './support/export-fixtures';
import { startTestServer, type TestServer } from './support/server';

/** pdfkit writes Intl's no-break spaces as spaces (reports-pdf.ts pdfText). */
async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe.each(BACKENDS)('compte-rendu PDF on %s', (backend) => {
  let server: TestServer;
  let xavier: Account;
  let yvon: Account;

  const get = (id: string, token?: string) =>
    server.app.inject({
      method: 'GET',
      url: `/api/interventions/${encodeURIComponent(id)}/compte-rendu.pdf`,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  beforeAll(async () => {
    server = await startTestServer(backend);
    await seedExportClients(server);
    xavier = await addClientAccount(server, ['cl-x'], 'xavier@boulangerie.fr', 'Xavier Boulanger');
    yvon = await addClientAccount(server, ['cl-y'], 'yvon@garage.fr', 'Yvon Garagiste');
  }, 60_000);
  afterAll(() => server.close());

  it('gives staff a PDF of any intervention, naming the client, the dates, the time and the UT counted', async () => {
    const response = await get('iv-x2', await server.token('tech'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="compte-rendu-T-2604-X002-2026-04-07.pdf"',
    );
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Boulangerie Xavier — n° client C-0042');
    expect(text).toContain('Ticket : T-2604-X002 — =Imprimante');
    // 07:30–09:00 UTC is 09:30–11:00 in Paris (summer time).
    expect(text).toContain('Début : mardi 7 avril 2026 à 09 h 30');
    expect(text).toContain('Fin : mardi 7 avril 2026 à 11 h 00');
    expect(text).toContain('Temps mesuré : 1 h 30 min');
    // 6 UT of work (90 min) + 4 UT for the round trip, as the ledger bills it on the UT credit.
    expect(text).toContain('Décompte : 10 UT');
    expect(text).toContain('Décompté du crédit UT : 6 UT de travail + 4 UT de déplacement = 10 UT.');
    expect(text).toContain('Signature du client Xavier Boulanger, le mardi 7 avril 2026 à 11 h 01');
    expect(text).toContain('Remplacement du toner, test d’impression.');

    // Another client's too: every staff role reads every intervention (docs/server.md).
    const foreign = await get('iv-y1', await server.token('lead'));
    expect(foreign.statusCode).toBe(200);
    expect(await pdfText(foreign.rawPayload)).toContain('Garage Yvon');
  });

  it('gives a client account its own completed compte-rendu, drawn from what it sees of the intervention', async () => {
    const lead = await pdfText((await get('iv-x1', await server.token('lead'))).rawPayload);
    const response = await get('iv-x1', xavier.token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Boulangerie Xavier — n° client C-0042');
    expect(text).toContain('Début : lundi 2 mars 2026 à 10 h 00');
    // 10 min + 25 min 30 s: the same time and units for both, ceil(2130 s / 900 s) = 3 UT.
    for (const pdf of [lead, text]) {
      expect(pdf).toContain('Temps mesuré : 35 min 30 s');
      expect(pdf).toContain('Décompte : 3 UT');
    }
    // The technician's pause is the provider's: the client's view is one segment.
    expect(lead).toContain('(2 segments)');
    expect(text).toContain('(1 segment)');
    expect(text).not.toContain('2 segments');
  });

  it('answers another client’s, a running one and an unknown id alike: 404, the same body', async () => {
    const unknown = await get('iv-nope', xavier.token);
    expect(unknown.statusCode).toBe(404);
    for (const [id, account] of [
      ['iv-y1', xavier],
      ['iv-x1', yvon],
      ['iv-x3', xavier], // still running: no compte-rendu for the client yet
    ] as const) {
      const response = await get(id, account.token);
      expect(response.statusCode, id).toBe(404);
      expect(response.body, id).toBe(unknown.body);
      expect(response.headers['content-type'], id).toBe(unknown.headers['content-type']);
    }
    expect(unknown.json()).toEqual({ error: 'not_found', message: 'No compte-rendu for this intervention.' });
  });

  it('refuses without a valid token (401) and names a malformed id (400)', async () => {
    expect((await get('iv-x1')).statusCode).toBe(401);
    expect((await get('iv-x1', 'not-a-token')).statusCode).toBe(401);
    const bad = await get('iv x1 ; drop', xavier.token);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^id: not an intervention id/);
  });
});
