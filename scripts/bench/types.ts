/** One measured figure of a benchmark part, printed by `npm run bench`. */
export type BenchFigure = {
  /** What was measured, e.g. "30-minute deadlines for 20,000 tickets". */
  name: string;
  value: number;
  unit: 'ms' | 's' | 'docs/s' | 'ops/s' | 'MB';
  /** The target from the issue, in the same unit, and whether lower is better. */
  target?: { value: number; lowerIsBetter: boolean };
};

export type BenchPart = {
  /** Short name shown as the section title: "domain", "server", "client", "reports". */
  title: string;
  run(): Promise<BenchFigure[]>;
};
