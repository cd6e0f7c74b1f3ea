import type { AppInfo, DesktopNotification, PdfResult, PowerEvent, TrayCommand, TrayTimer } from '../../shared/ipc';

/**
 * What the renderer may ask of the shell it runs in. One implementation per shell — Electron
 * (`electron.ts`, over the preload bridge), the browser (`web.ts`) and tests (`testing.ts`) — so
 * features never test which shell they are in.
 */
export type Platform = {
  appInfo(): Promise<AppInfo>;
  openExternal(url: string): Promise<boolean>;
  /** Prints the current page (with the print stylesheet) to a PDF the user saves. */
  printToPdf(fileName: string): Promise<PdfResult>;
  notify(notification: DesktopNotification): Promise<boolean>;
  /** Session blob (tokens and user) kept by the shell: safeStorage in Electron. */
  session: {
    load(): Promise<string | null>;
    save(blob: string): Promise<boolean>;
    clear(): Promise<boolean>;
  };
  setTrayTimer(timer: TrayTimer): Promise<void>;
  onTrayCommand(listener: (command: TrayCommand) => void): () => void;
  /** Puts text on the clipboard; a secret is cleared after `clearAfterMs` if it is still there. */
  copyToClipboard(text: string, clearAfterMs?: number): Promise<boolean>;
  /** The machine sleeps or its screen locks. */
  onPowerEvent(listener: (event: PowerEvent) => void): () => void;
};
