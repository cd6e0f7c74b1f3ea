/**
 * The demo's reference documents for one client: the client card, its contract, its
 * inventory (equipment covered by H or I when those modules are active) and its vault.
 */
import Decimal from 'decimal.js';
import { isServerOrNetwork } from '../../shared/domain';
import { type Client, type Contract, type Equipment, MODULE_CODES, type Modules } from '../../shared/schemas';
import type { DemoClientSpec } from './catalogue';
import { addDays, addMonths } from './clock';
import type { Random } from './random';

export type DemoReference = { client: Client; contract: Contract; equipment: Equipment[] };

const FIRST_NAMES = [
  'Nathalie',
  'Philippe',
  'Isabelle',
  'Laurent',
  'Sandrine',
  'Olivier',
  'Valérie',
  'Stéphane',
  'Céline',
  'Frédéric',
];
const LAST_NAMES = [
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
];
const PROVIDERS = [
  { name: 'Orange Business', service: 'Opérateur télécom', phone: '3901' },
  { name: 'Sage', service: 'Éditeur du logiciel de gestion', phone: '05 56 13 99 00' },
  { name: 'Canon France', service: 'Maintenance des copieurs', phone: '01 70 48 40 00' },
  { name: 'OVHcloud', service: 'Nom de domaine et messagerie', phone: '09 72 10 10 07' },
];

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function phone(random: Random, postcode: string): string {
  const area = {
    '0': '01',
    '1': '02',
    '2': '03',
    '3': '05',
    '4': '02',
    '5': '03',
    '6': '04',
    '7': '01',
    '8': '04',
    '9': '05',
  }[postcode[0] ?? '7'];
  const pair = () => String(random.int(10, 99));
  return `${area} ${pair()} ${pair()} ${pair()} ${pair()}`;
}

function modulesOf(spec: DemoClientSpec, covered: { servers: number; pcs: number }): Modules {
  const planned: Partial<Record<string, number>> = { C: 12, D: 12, E: 1, F: 1, H: covered.servers, I: covered.pcs };
  return Object.fromEntries(
    MODULE_CODES.map((code) => {
      const active = spec.modules.includes(code);
      const quantity = planned[code];
      return [code, active && quantity !== undefined ? { active, quantity } : { active }];
    }),
  ) as Modules;
}

/** Price steps: the initial prices, then +3 % at each anniversary already passed (CG art. 21.4 floor). */
function priceSteps(startDate: string, today: string): Contract['prices'] {
  const steps: Contract['prices'] = [];
  let ut = new Decimal('25.00');
  let halfDay = new Decimal('360.00');
  for (let year = 0; addMonths(startDate, 12 * year) <= today; year++) {
    steps.push({
      from: addMonths(startDate, 12 * year),
      utUnitPrice: ut.toFixed(2),
      halfDayUnitPrice: halfDay.toFixed(2),
    });
    ut = ut.times('1.03').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    halfDay = halfDay.times('1.03').toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  }
  return steps;
}

export function demoReference(
  spec: DemoClientSpec,
  index: number,
  today: string,
  vaultUsers: string[],
  random: Random,
): DemoReference {
  const n = String(index + 1).padStart(2, '0');
  const clientId = `cl-demo-${n}`;
  const updatedAt = `${addMonths(today, -spec.monthsAgo)}T09:00:00.000Z`;
  const domain = `${slug(spec.name)}.fr`;
  const contactName = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
  const client: Client = {
    id: clientId,
    updatedAt,
    name: spec.name,
    code: `C-${1000 + index + 1}`,
    phones: [phone(random, spec.postcode)],
    email: `contact@${domain}`,
    address: `${spec.street}, ${spec.postcode} ${spec.city}`,
    contacts: [
      {
        name: contactName,
        role: 'Gérant',
        phone: phone(random, spec.postcode),
        email: `${slug(contactName).replace('-', '.')}@${domain}`,
      },
      {
        name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        role: 'Assistante de direction',
        phone: phone(random, spec.postcode),
      },
    ],
    providers: [random.pick(PROVIDERS), ...(spec.pcs > 8 ? [PROVIDERS[1] as (typeof PROVIDERS)[number]] : [])].filter(
      (provider, i, all) => all.indexOf(provider) === i,
    ),
    vaultAccess: vaultUsers,
  };

  const equipment = demoEquipment(spec, clientId, today, updatedAt, random);
  const covered = {
    servers: equipment.filter((e) => e.covered && isServerOrNetwork(e.kind)).length,
    pcs: equipment.filter((e) => e.covered && e.kind === 'pc').length,
  };
  const startDate = addMonths(today.slice(0, 8) + '01', -spec.monthsAgo);
  const hosting = spec.modules.includes('J');
  const contract: Contract = {
    id: `ct-demo-${n}`,
    updatedAt,
    clientId,
    number: `CI-${startDate.slice(0, 4)}-${String(100 + index)}`,
    startDate,
    termYears: 3,
    modules: modulesOf(spec, covered),
    utBase: spec.utBase,
    halfDayBase: spec.halfDayBase,
    prices: priceSteps(startDate, today),
    monthlyHostingFee: hosting ? (spec.modules.includes('K') ? '650.00' : '390.00') : '0.00',
    interventionTargetMinutes: 30,
    calendar: {
      ...(spec.region ? { region: spec.region } : {}),
      timeZone: 'Europe/Paris',
      closedDates: index % 7 === 3 ? [addDays(`${today.slice(0, 4)}-08-14`, 0)] : [],
      // Lundi de Pentecôte worked as the journée de solidarité in some offices.
      workedHolidays: index % 5 === 1 ? ['2025-06-09', '2026-05-25'] : [],
    },
    directDebit: spec.directDebit,
  };
  return { client, contract, equipment };
}

function demoEquipment(
  spec: DemoClientSpec,
  clientId: string,
  today: string,
  updatedAt: string,
  random: Random,
): Equipment[] {
  const coversServers = spec.modules.includes('H');
  const coversPcs = spec.modules.includes('I');
  const items: Equipment[] = [];
  const add = (
    kind: Equipment['kind'],
    name: string,
    covered: boolean,
    expiries: Equipment['expiries'] = [],
    location?: string,
  ) => {
    items.push({
      id: `${clientId.replace('cl-', 'eq-')}-${items.length + 1}`,
      updatedAt,
      clientId,
      kind,
      name,
      serial: `${kind.slice(0, 2).toUpperCase()}${random.token(8)}`,
      ...(location ? { location } : {}),
      covered,
      expiries,
      retired: false,
    });
  };
  const soon = (days: number) => addDays(today, days);
  if (spec.pcs >= 6)
    add(
      'server',
      'Serveur de fichiers (Dell PowerEdge T350)',
      coversServers,
      [{ kind: 'warranty', label: 'Garantie Dell ProSupport', date: soon(random.int(20, 400)) }],
      'Local technique',
    );
  if (spec.pcs >= 12)
    add(
      'server',
      'Serveur applicatif (HPE ProLiant ML110)',
      coversServers,
      [{ kind: 'warranty', label: 'Garantie HPE', date: soon(random.int(60, 700)) }],
      'Local technique',
    );
  add(
    'firewall',
    'Pare-feu Stormshield SN210',
    coversServers,
    [
      { kind: 'firewall', label: 'Licence de mise à jour', date: soon(random.int(-10, 300)) },
      { kind: 'warranty', label: 'Garantie constructeur', date: soon(random.int(100, 700)) },
    ],
    'Baie réseau',
  );
  if (spec.pcs >= 10)
    add(
      'av_gateway',
      'Passerelle antivirus messagerie (Vade)',
      coversServers,
      [{ kind: 'av_gateway', label: 'Abonnement passerelle AV', date: soon(random.int(15, 365)) }],
      'Baie réseau',
    );
  add('network', 'Commutateur 24 ports', coversServers, [], 'Baie réseau');
  if (spec.pcs >= 5) add('network', 'Borne Wi-Fi', coversServers, [], 'Accueil');
  for (let i = 1; i <= spec.pcs; i++) {
    add(
      'pc',
      `Poste ${String(i).padStart(2, '0')}${i === 1 ? ' (accueil)' : ''}`,
      coversPcs,
      i % 4 === 1 ? [{ kind: 'warranty', label: 'Garantie constructeur', date: soon(random.int(-30, 900)) }] : [],
    );
  }
  add('printer', 'Copieur multifonction', false);
  add('software', 'Antivirus ESET (licences)', false, [
    { kind: 'antivirus', label: 'Abonnement antivirus', date: soon(random.int(5, 330)) },
  ]);
  add('licence', 'Microsoft 365 Business Standard', false, [
    { kind: 'licence', label: 'Abonnement annuel', date: soon(random.int(20, 360)) },
  ]);
  return items;
}
