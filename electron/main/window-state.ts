/** Remembers the window's size and position between launches (a small JSON file). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(10_000),
  height: z.number().int().min(480).max(10_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };

export async function loadWindowState(directory: string): Promise<WindowState> {
  try {
    const raw: unknown = JSON.parse(await fs.readFile(path.join(directory, 'window-state.json'), 'utf8'));
    const parsed = windowStateSchema.safeParse(raw);
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export async function saveWindowState(directory: string, state: WindowState): Promise<void> {
  await fs.mkdir(directory, { recursive: true });
  await fs.writeFile(path.join(directory, 'window-state.json'), JSON.stringify(state));
}
