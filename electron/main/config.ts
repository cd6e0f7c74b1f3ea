/** Desktop configuration, from the environment with embedded defaults. */
export type DesktopConfig = {
  /** Sync server the renderer talks to. */
  serverUrl: string;
  /** In development, the Vite dev server to load instead of app:// (never set in production). */
  devServerUrl: string | null;
};

export function readDesktopConfig(env: NodeJS.ProcessEnv, packaged: boolean): DesktopConfig {
  const serverUrl = new URL(env.CADRAN_SERVER_URL ?? 'http://localhost:8787').origin;
  const devServerUrl = !packaged && env.CADRAN_DEV_SERVER_URL ? new URL(env.CADRAN_DEV_SERVER_URL).origin : null;
  return { serverUrl, devServerUrl };
}
