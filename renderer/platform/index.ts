import type { DesktopBridge } from '../../shared/ipc';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';
import { createWebPlatform } from './web';

declare global {
  // Augmenting the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    cadran?: DesktopBridge;
  }
}

let current: Platform | null = null;

/** The shell the renderer runs in, chosen once: Electron when the preload bridge exists. */
export function getPlatform(): Platform {
  current ??= window.cadran ? createElectronPlatform(window.cadran) : createWebPlatform(window);
  return current;
}

export type { Platform } from './types';
export { createTestingPlatform } from './testing';
