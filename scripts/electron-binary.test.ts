import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

async function fakeElectronPackage(withBinary: boolean, withPathFile = true) {
  const dir = await mkdtemp(path.join(tmpdir(), 'cadran-electron-'));
  if (withPathFile) await writeFile(path.join(dir, 'path.txt'), 'electron');
  if (withBinary) {
    await mkdir(path.join(dir, 'dist'));
    await writeFile(path.join(dir, 'dist', 'electron'), '');
  }
  return dir;
}

describe('Electron binary lookup', () => {
  it('finds the downloaded binary', async () => {
    const dir = await fakeElectronPackage(true);
    expect(findElectronBinary(dir, {})).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('answers null when the package was installed without its binary', async () => {
    expect(findElectronBinary(await fakeElectronPackage(false, false), {})).toBeNull();
    expect(findElectronBinary(await fakeElectronPackage(false, true), {})).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', async () => {
    const dir = await fakeElectronPackage(true);
    expect(
      findElectronBinary(await fakeElectronPackage(false), { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'dist') }),
    ).toBe(path.join(dir, 'dist', 'electron'));
  });
});
