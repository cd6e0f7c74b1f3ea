import { describe, expect, it } from 'vitest';
import { readConfig } from '../server/config';
import { startServerEnv } from './start-env';

describe('npm start', () => {
  it('has the server listen on 127.0.0.1 unless HOST says otherwise', () => {
    expect(startServerEnv({}, 8787)).toMatchObject({ HOST: '127.0.0.1', PORT: '8787' });
    expect(readConfig(startServerEnv({}, 8787)).host).toBe('127.0.0.1');
    expect(startServerEnv({ HOST: '0.0.0.0' }, 9000)).toMatchObject({ HOST: '0.0.0.0', PORT: '9000' });
  });

  it('leaves `npm run server` on its documented default, every interface', () => {
    expect(readConfig({}).host).toBe('0.0.0.0');
  });
});
