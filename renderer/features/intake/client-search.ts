/**
 * Finding the caller's client while they talk: by name, phone number or contract number,
 * accent- and case-insensitive, as-you-type. Phone numbers match on digits only, so
 * "01 23 45", "0123-45" and "+33 1 23 45" find the same client.
 */
import type { Client, Contract } from '../../../shared/schemas';
import { normalize } from '../tickets/derive';

export type ClientMatch = { client: Client; contracts: Contract[]; matchedOn: 'name' | 'phone' | 'contract' | 'code' };

function digits(text: string): string {
  let out = text.replace(/\D/g, '');
  // +33 1 23… and 01 23… are the same French number.
  if (out.startsWith('33') && out.length >= 11) out = `0${out.slice(2)}`;
  return out;
}

export function searchClients(
  query: string,
  clients: readonly Client[],
  contracts: readonly Contract[],
  limit = 8,
): ClientMatch[] {
  const needle = normalize(query);
  if (needle.length === 0) return [];
  const needleDigits = digits(query);
  const contractsByClient = new Map<string, Contract[]>();
  for (const contract of contracts) {
    const list = contractsByClient.get(contract.clientId) ?? [];
    list.push(contract);
    contractsByClient.set(contract.clientId, list);
  }
  const ranked: { match: ClientMatch; rank: number }[] = [];
  for (const client of clients) {
    const own = contractsByClient.get(client.id) ?? [];
    const name = normalize(client.name);
    let matchedOn: ClientMatch['matchedOn'] | null = null;
    let rank = 0;
    if (name.startsWith(needle)) {
      matchedOn = 'name';
      rank = 0;
    } else if (name.split(/\s+/).some((word) => word.startsWith(needle))) {
      matchedOn = 'name';
      rank = 1;
    } else if (name.includes(needle)) {
      matchedOn = 'name';
      rank = 2;
    } else if (own.some((c) => normalize(c.number).includes(needle))) {
      matchedOn = 'contract';
      rank = 1;
    } else if (normalize(client.code).includes(needle)) {
      matchedOn = 'code';
      rank = 1;
    } else if (
      needleDigits.length >= 4 &&
      [...client.phones, ...client.contacts.flatMap((c) => (c.phone ? [c.phone] : []))].some((p) =>
        digits(p).includes(needleDigits),
      )
    ) {
      matchedOn = 'phone';
      rank = 1;
    }
    if (matchedOn) ranked.push({ match: { client, contracts: own, matchedOn }, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.match.client.name.localeCompare(b.match.client.name, 'fr'));
  return ranked.slice(0, limit).map((r) => r.match);
}

/** The contract that applies today: started, not terminated; the latest start wins. */
export function activeContract(contracts: readonly Contract[], today: string): Contract | undefined {
  return [...contracts]
    .filter((c) => c.startDate <= today && (!c.terminatedOn || c.terminatedOn >= today))
    .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0];
}
