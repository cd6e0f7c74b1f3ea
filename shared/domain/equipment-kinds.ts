/**
 * Which forfait can cover a kind of equipment (domain.md §3.1 rules 2–3): module H the servers
 * and the elements of the network — firewalls and AV gateways are network security elements
 * (CG art. 1 "Solution informatique": "éléments de sécurité du réseau (Pare Feu, … Antivirus)") —
 * module I the PCs; nothing else.
 */
import type { EquipmentKind } from '../schemas';

const MODULE_OF_KIND: Readonly<Record<EquipmentKind, 'H' | 'I' | null>> = {
  server: 'H',
  network: 'H',
  firewall: 'H',
  av_gateway: 'H',
  pc: 'I',
  printer: null,
  software: null,
  licence: null,
  other: null,
};

/** coveringModule('firewall') → 'H'; coveringModule('pc') → 'I'; coveringModule('licence') → null. */
export function coveringModule(kind: EquipmentKind): 'H' | 'I' | null {
  return MODULE_OF_KIND[kind] ?? null;
}

/** A server or an element of the network (module H's scope). */
export function isServerOrNetwork(kind: EquipmentKind): boolean {
  return MODULE_OF_KIND[kind] === 'H';
}
