/**
 * `npm run server -- user add --email … --name … --role technician|lead|admin|client [--client ID,…] [--password …]`:
 * creates an account (and its `users` document) directly in the database the server uses.
 * Without --password one is generated and printed once.
 */
import type { Database } from '../db/database';
import { HttpError } from '../errors';
import { generatePassword } from '../services/passwords';
import { createUser, parseNewUser } from '../services/users';
import { checkOptions, type ParsedArgs, stringOption } from './args';

export async function userAdd(db: Database, args: ParsedArgs, print: (line: string) => void): Promise<void> {
  checkOptions(args, ['email', 'name', 'role', 'client', 'password'], 'user add');
  const clients = stringOption(args, 'client');
  const given = stringOption(args, 'password');
  const password = given ?? generatePassword();
  let input;
  try {
    input = parseNewUser({
      email: stringOption(args, 'email'),
      name: stringOption(args, 'name'),
      role: stringOption(args, 'role'),
      ...(clients === undefined ? {} : { clientIds: clients.split(',').map((id) => id.trim()) }),
      password,
    });
  } catch (error) {
    // "email: Invalid input" → "--email: …": name the option the person typed.
    // "clientIds: …" is typed as --client.
    const message = (error instanceof Error ? error.message : String(error)).replace(/^clientIds/, 'client');
    throw new Error(`user add: --${message}`, { cause: error });
  }
  try {
    const user = await createUser(db, input, 'server');
    print(`Created ${user.role} ${user.name} <${user.email}> (${user.id}).`);
    if (!given) print(`Password (shown once): ${password}`);
  } catch (error) {
    if (error instanceof HttpError) throw new Error(`user add: ${error.message}`, { cause: error });
    throw error;
  }
}
