import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { featureMessages } from './index';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('translations', () => {
  it('gives English every French key of the shell', () => {
    expect(keys(en as unknown as Tree).sort()).toEqual(keys(fr as unknown as Tree).sort());
  });

  it.each(Object.entries(featureMessages))('gives English every French key of %s', (_name, messages) => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.fr).sort());
  });
});
