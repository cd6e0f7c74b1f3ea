import { z } from 'zod';
import { isSafeExternalUrl, MAX_EXTERNAL_URL_LENGTH } from '../security';
import { ipcChannels, type IpcMethod } from './channels';

/**
 * The desktop API contract: for each method, the schema of its arguments (as a tuple, validated
 * in the main process before any handler runs) and of its result. The renderer's web fallback
 * implements the same shape, so features never know which shell they run in.
 */
export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  shell: z.enum(['electron', 'web']),
  /** Base URL of the sync server this device talks to, e.g. "http://localhost:8787". */
  serverUrl: z.url(),
});

export const pdfRequestSchema = z.object({
  /** Suggested file name, without folders: the user picks where to save it. */
  fileName: z
    .string()
    .min(1)
    .max(120)
    .regex(/^[^/\\:*?"<>|]+\.pdf$/, 'a plain file name ending in .pdf'),
});

export const pdfResultSchema = z.object({
  saved: z.boolean(),
  path: z.string().optional(),
});

/**
 * A URL the operating system may open: http(s), mailto or tel only. Checked here, in the
 * contract the main process validates every call against, so no renderer script can have
 * `file:`, `smb:` or a custom protocol opened, whatever the handler does.
 */
export const externalUrlSchema = z
  .string()
  .max(MAX_EXTERNAL_URL_LENGTH)
  .refine(isSafeExternalUrl, 'an http(s), mailto or tel URL');

export const notificationSchema = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
});

/** The serialised session (tokens and user), opaque to the main process, kept with safeStorage. */
export const sessionBlobSchema = z
  .string()
  .min(1)
  .max(64 * 1024);

export const trayTimerSchema = z.union([
  z.object({ running: z.literal(false) }),
  z.object({
    running: z.literal(true),
    /** What the tray shows, e.g. "T-1042 · Boulangerie Martin". */
    label: z.string().max(200),
    /** UTC instant (ms) the current segment started. */
    startedAt: z.number().int().nonnegative(),
    /** Seconds already counted by earlier segments. */
    elapsedBeforeSeconds: z.number().int().nonnegative(),
  }),
]);

/** Text put on the clipboard; a vault secret is cleared after `clearAfterMs` unless replaced meanwhile. */
export const clipboardWriteSchema = z.object({
  text: z.string().max(20_000),
  clearAfterMs: z.number().int().min(1000).max(600_000).optional(),
});

export const powerEventSchema = z.enum(['suspend', 'lock-screen']);

export const trayCommandSchema = z.enum(['pause-timer', 'resume-timer', 'stop-timer', 'show-window']);

export const ipcContract = {
  getAppInfo: { args: z.tuple([]), result: appInfoSchema },
  openExternal: { args: z.tuple([externalUrlSchema]), result: z.boolean() },
  printToPdf: { args: z.tuple([pdfRequestSchema]), result: pdfResultSchema },
  showNotification: { args: z.tuple([notificationSchema]), result: z.boolean() },
  loadSession: { args: z.tuple([]), result: z.string().nullable() },
  saveSession: { args: z.tuple([sessionBlobSchema]), result: z.boolean() },
  clearSession: { args: z.tuple([]), result: z.boolean() },
  setTrayTimer: { args: z.tuple([trayTimerSchema]), result: z.boolean() },
  writeClipboard: { args: z.tuple([clipboardWriteSchema]), result: z.boolean() },
} as const satisfies Record<IpcMethod, { args: z.ZodTuple; result: z.ZodType }>;

export type IpcContract = typeof ipcContract;
export type IpcArgs<M extends IpcMethod> = z.input<IpcContract[M]['args']>;
export type IpcValue<M extends IpcMethod> = z.output<IpcContract[M]['result']>;

/** Every IPC call answers this shape: errors cross the bridge as data, never as exceptions. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export type TrayTimer = z.infer<typeof trayTimerSchema>;
export type TrayCommand = z.infer<typeof trayCommandSchema>;
export type AppInfo = z.infer<typeof appInfoSchema>;
export type PdfRequest = z.infer<typeof pdfRequestSchema>;
export type PdfResult = z.infer<typeof pdfResultSchema>;
export type DesktopNotification = z.infer<typeof notificationSchema>;
export type ClipboardWrite = z.infer<typeof clipboardWriteSchema>;
export type PowerEvent = z.infer<typeof powerEventSchema>;

/** What the preload exposes as `window.cadran`: one method per channel, plus tray events. */
export type DesktopBridge = {
  [M in IpcMethod]: (...args: IpcArgs<M>) => Promise<IpcResult<IpcValue<M>>>;
} & {
  onTrayCommand(listener: (command: TrayCommand) => void): () => void;
  onPowerEvent(listener: (event: PowerEvent) => void): () => void;
};

export const channelOf = (method: IpcMethod): string => ipcChannels[method];
