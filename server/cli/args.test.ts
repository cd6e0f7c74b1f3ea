import { describe, expect, it } from 'vitest';
import { checkOptions, parseArgs, stringOption } from './args';

describe('parseArgs', () => {
  it('reads words, --name value, --name=value and bare flags', () => {
    const args = parseArgs(['user', 'add', '--email', 'a@b.fr', '--role=lead', '--demo']);
    expect(args.positional).toEqual(['user', 'add']);
    expect(stringOption(args, 'email')).toBe('a@b.fr');
    expect(stringOption(args, 'role')).toBe('lead');
    expect(args.options.get('demo')).toBe(true);
  });

  it('refuses an unknown option by name', () => {
    expect(() => checkOptions(parseArgs(['--emial', 'x']), ['email'], 'user add')).toThrow(/unknown option --emial/);
  });

  it('refuses an option given without its value', () => {
    expect(() => stringOption(parseArgs(['--email']), 'email')).toThrow('--email needs a value');
  });
});
