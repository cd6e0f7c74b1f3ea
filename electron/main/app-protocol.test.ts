import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppAsset } from './app-protocol';

const root = '/opt/cadran/renderer';

describe('app:// asset resolution', () => {
  it('serves files inside the renderer folder', () => {
    expect(resolveAppAsset('app://cadran/assets/index-abc.js', root, 'cadran')).toBe(
      '/opt/cadran/renderer/assets/index-abc.js',
    );
    expect(resolveAppAsset('app://cadran/', root, 'cadran')).toBe('/opt/cadran/renderer/index.html');
  });

  it('clamps dot segments to the renderer folder', () => {
    // The URL parser resolves plain and %2e-encoded dot segments against the root.
    expect(resolveAppAsset('app://cadran/../../etc/passwd.txt', root, 'cadran')).toBe(
      '/opt/cadran/renderer/etc/passwd.txt',
    );
    expect(resolveAppAsset('app://cadran/%2e%2e/%2e%2e/etc/passwd.txt', root, 'cadran')).toBe(
      '/opt/cadran/renderer/etc/passwd.txt',
    );
  });

  it('answers app routes with index.html', () => {
    expect(resolveAppAsset('app://cadran/tickets/T-12', root, 'cadran')).toBe('/opt/cadran/renderer/index.html');
  });

  it.each([
    'app://cadran/assets/..%2f..%2f..%2fetc%2fpasswd.txt',
    'app://cadran/assets%5c..%5c..%5csecret.txt',
    'app://cadran/a%00.js',
    'app://other/index.html',
    'app://cadran/%E0%A4%A.js',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(url, root, 'cadran')).toBeNull();
  });

  it('sends the right content types', () => {
    expect(mimeTypeOf('x/index.html')).toMatch(/text\/html/);
    expect(mimeTypeOf('x/app.JS')).toMatch(/javascript/);
    expect(mimeTypeOf('x/blob.bin')).toBe('application/octet-stream');
  });
});
