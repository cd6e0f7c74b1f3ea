/**
 * Valid documents for the unit tests, and through test/fixtures for the server and sync suites.
 * Every builder checks its result against the shared schema, so a test can never run on a
 * document the app would refuse to store.
 * Times are written as Paris wall-clock ("2026-11-02 09:00") because that is how a lead reads them.
 */
import {
  type Client,
  type Contract,
  type Equipment,
  type Intervention,
  type Modules,
  type Ticket,
  type User,
} from '../../shared/schemas';
/** "2026-11-02 09:00" in Paris → UTC ISO instant. */
export declare function paris(local: string): string;
export declare function modules(active: string, quantities?: Partial<Record<string, number>>): Modules;
export declare function aClient(overrides?: Partial<Client>): Client;
export declare function aContract(overrides?: Partial<Contract>): Contract;
export declare function aTicket(
  overrides?: Partial<Ticket> & {
    received?: string;
  },
): Ticket;
/** An intervention from a Paris start and a duration in minutes, completed at its end unless `running`. */
export declare function anIntervention(
  overrides?: Partial<Intervention> & {
    start?: string;
    minutes?: number;
    running?: boolean;
  },
): Intervention;
export declare function anEquipment(overrides?: Partial<Equipment>): Equipment;
export declare function aUser(overrides?: Partial<User>): User;
