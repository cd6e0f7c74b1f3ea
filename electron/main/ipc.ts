/**
 * The single way the main process answers the renderer. `createIpcHandle` wraps every handler so
 * that it:
 *  1. answers only frames of the app's own origin (a compromised or navigated frame gets nothing);
 *  2. validates the arguments against the channel's schema in `shared/ipc` before the handler runs;
 *  3. returns `{ ok: true, value }` or `{ ok: false, error }` — errors cross as data, and the
 *     handler's own result is validated too, so the renderer can trust the contract.
 */
import {
  ipcChannels,
  ipcContract,
  type IpcArgs,
  type IpcMethod,
  type IpcResult,
  type IpcValue,
} from '../../shared/ipc';
import { isAllowedNavigation } from './security';

/** What Electron passes to `ipcMain.handle` listeners, reduced to what the wrapper reads. */
export type IpcInvokeEvent = { senderFrame: { url: string } | null };

export type IpcRegistrar = {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
};

export type IpcHandler<M extends IpcMethod> = (...args: IpcArgs<M>) => Promise<IpcValue<M>> | IpcValue<M>;

function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `argument ${issue.path.map(String).join('.')}` : 'arguments';
  return `${where}: ${issue.message}`;
}

export function createIpcHandle(
  ipcMain: IpcRegistrar,
  allowedOrigins: readonly string[],
  log: (message: string) => void = () => {},
) {
  return function handle<M extends IpcMethod>(method: M, handler: IpcHandler<M>): void {
    const channel = ipcChannels[method];
    const { args: argsSchema, result: resultSchema } = ipcContract[method];
    ipcMain.handle(channel, async (event, ...rawArgs): Promise<IpcResult<IpcValue<M>>> => {
      const senderUrl = event.senderFrame?.url;
      if (!isAllowedNavigation(senderUrl, allowedOrigins)) {
        log(`ipc ${channel}: refused sender ${String(senderUrl)}`);
        return { ok: false, error: 'untrusted sender' };
      }
      const parsed = argsSchema.safeParse(rawArgs);
      if (!parsed.success) {
        return { ok: false, error: `${channel}: ${describeIssue(parsed.error)}` };
      }
      try {
        const value = await (handler as (...a: unknown[]) => unknown)(...(parsed.data as unknown[]));
        const checked = resultSchema.safeParse(value);
        if (!checked.success) {
          log(`ipc ${channel}: handler returned an invalid result`);
          return { ok: false, error: `${channel}: internal error` };
        }
        return { ok: true, value: checked.data as IpcValue<M> };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`ipc ${channel}: ${message}`);
        return { ok: false, error: message };
      }
    });
  };
}
