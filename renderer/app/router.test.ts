import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('hash routes', () => {
  it('parses segments and query', () => {
    const route = parseRoute('#/tickets/T%2012?status=new');
    expect(route.segments).toEqual(['tickets', 'T 12']);
    expect(route.path).toBe('/tickets/T 12');
    expect(route.query.get('status')).toBe('new');
  });

  it('treats an empty hash as home', () => {
    expect(parseRoute('').path).toBe('/');
    expect(parseRoute('#').segments).toEqual([]);
  });
});
