import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from './window-state';

describe('window state', () => {
  it('restores what was saved', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cadran-window-'));
    await saveWindowState(dir, { x: 10, y: 20, width: 1400, height: 900, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ x: 10, y: 20, width: 1400, height: 900, maximized: true });
  });

  it('falls back to defaults on a corrupt or absurd file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cadran-window-'));
    await writeFile(path.join(dir, 'window-state.json'), '{"width": 5, "height": ');
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(path.join(dir, 'window-state.json'), '{"width": 5, "height": 5, "maximized": false}');
    expect(await loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
