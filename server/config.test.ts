import { describe, expect, it } from 'vitest';
import { readConfig, trustProxyOf } from './config';

describe('CADRAN_TRUST_PROXY', () => {
  it('trusts nobody by default', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(trustProxyOf('false')).toBe(false);
  });

  it('takes a number of hops or a list of proxy addresses and ranges', () => {
    expect(trustProxyOf('1')).toBe(1);
    expect(trustProxyOf('10.0.0.5, 10.0.1.0/24,::1')).toEqual(['10.0.0.5', '10.0.1.0/24', '::1']);
  });

  it('refuses "true", which let clients pick the address the login limit counts', () => {
    expect(() => readConfig({ CADRAN_TRUST_PROXY: 'true' })).toThrow(
      /CADRAN_TRUST_PROXY=true would trust any address a client writes in X-Forwarded-For; give the number of proxies/,
    );
  });

  it.each(['proxy.local', '10.0.0.0/33', '10.0.0.1/8/2', '99'])('refuses "%s"', (value) => {
    expect(() => trustProxyOf(value)).toThrow(/CADRAN_TRUST_PROXY/);
  });
});
