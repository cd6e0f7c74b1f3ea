/**
 * The sync server's environment under `npm start` (a desktop user's command): it listens on
 * 127.0.0.1 only, unless HOST says otherwise. The demo accounts and their printed password
 * must not be reachable from the network by default; `npm run server` (the central store)
 * keeps its documented HOST default, every interface.
 */
export const START_DEFAULT_HOST = '127.0.0.1';

export function startServerEnv(env: NodeJS.ProcessEnv, port: number): NodeJS.ProcessEnv {
  return { ...env, PORT: String(port), HOST: env.HOST || START_DEFAULT_HOST };
}
