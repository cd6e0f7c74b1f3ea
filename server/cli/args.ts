/**
 * Command-line arguments after `npm run server --`: positional words, `--name value`,
 * `--name=value` and bare `--flag`s. Unknown options are refused by the commands, by name.
 */
export type ParsedArgs = { positional: string[]; options: Map<string, string | true> };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 2) {
      options.set(arg.slice(2, eq), arg.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      options.set(arg.slice(2), next);
      i++;
    } else {
      options.set(arg.slice(2), true);
    }
  }
  return { positional, options };
}

/** Throws naming the first option not in `allowed`. */
export function checkOptions(args: ParsedArgs, allowed: readonly string[], command: string): void {
  for (const name of args.options.keys()) {
    if (!allowed.includes(name)) {
      throw new Error(`${command}: unknown option --${name} (expected ${allowed.map((a) => `--${a}`).join(', ')})`);
    }
  }
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new Error(`--${name} needs a value`);
  return value;
}
