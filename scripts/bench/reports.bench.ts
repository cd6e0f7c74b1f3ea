/**
 * Reports benchmark (issue 7: "fast on a year of data"): a seeded year of 100,000 interventions
 * and 20,000 tickets over 30 contracts, every document checked against shared/schemas.
 *
 * - Node: the report facts (every contract's ledger from shared/domain, then one row per counted
 *   intervention) and the aggregates of a year and of a month, cold and memoised.
 * - Browser build (Chromium, real server, real app): a team lead's device holding that year opens
 *   the reports screen; then changes the period. Timed inside the page, from the click to the
 *   figures painted.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { validateDocument, type CollectionName, type Intervention } from '../../shared/schemas';
import { CHROMIUM_ARGS, findChromium } from '../../test/e2e/browser';
import { generateYear, prng } from '../../test/fixtures/generate';
import { createUser, login, push } from '../../test/sync/support/api';
import { ADMIN, startServer } from '../../test/sync/support/server-process';
import { aggregate } from '../../renderer/features/reports/aggregate';
import { buildFacts } from '../../renderer/features/reports/facts';
import { computeLedgers } from '../../renderer/features/reports/ledgers';
import { presetPeriod } from '../../renderer/features/reports/period';
import type { BenchFigure, BenchPart } from './types';

const TICKETS = 20_000;
const INTERVENTIONS = 100_000;
const PASSWORD = 'bench-password-123';
const TARGET_MS = 1000;

/** The generated year, varied (floating half-days, validated work) and validated document by document. */
function year(technicians: string[], today: string, validator: string) {
  // The generator spreads work over the calendar year: ask for enough that a year ending today holds 100,000.
  const data = generateYear({
    clients: 30,
    tickets: TICKETS,
    interventions: Math.ceil((INTERVENTIONS * 375) / Math.max(30, dayOfYear(today))),
    technicians,
    year: Number(today.slice(0, 4)),
    seed: 7,
  });
  const random = prng(11);
  const halfDayContracts = new Set(data.contracts.filter((c) => c.halfDayBase > 0).map((c) => c.id));
  const nowMs = Date.parse(`${today}T00:00:00Z`);
  // Only work already done by today: a year "ending today".
  const interventions: Intervention[] = data.interventions
    .filter((itv) => Date.parse(itv.completedAt ?? '') < nowMs)
    .slice(0, INTERVENTIONS)
    .map((itv) => {
      const halfDay = itv.channel === 'onsite' && halfDayContracts.has(itv.contractId) && random() < 0.3;
      const validated = random() < 0.6 ? { validatedAt: itv.completedAt, validatedBy: validator } : {};
      return { ...itv, halfDay, ...validated } as Intervention;
    });
  const tickets = data.tickets.filter((t) => Date.parse(t.receivedAt) < nowMs);
  const all: [CollectionName, unknown[]][] = [
    ['clients', data.clients],
    ['contracts', data.contracts],
    ['tickets', tickets],
    ['interventions', interventions],
  ];
  for (const [collection, docs] of all) {
    for (const doc of docs) {
      const result = validateDocument(collection, doc);
      if (!result.ok)
        throw new Error(
          `generated ${collection} ${result.failure.documentId}: ${result.failure.field} ${result.failure.message}`,
        );
    }
  }
  return { ...data, tickets, interventions };
}

function dayOfYear(today: string): number {
  return (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${today.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000 + 1;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

/**
 * Clicks `click`'s element in the page and resolves, in ms, once `done` (a JavaScript condition)
 * holds and a frame was painted. Sent as text: the bundler's helpers do not exist in the page.
 */
async function timeInPage(page: Page, click: string, done: string): Promise<number> {
  const script = `new Promise((resolve, reject) => {
    const target = document.querySelector(${JSON.stringify(click)});
    if (!target) return reject(new Error('no element ' + ${JSON.stringify(click)}));
    const check = () => (${done});
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    target.click();
    setTimeout(() => { observer.disconnect(); reject(new Error('timed out waiting for the screen')); }, 120000);
  })`;
  return (await page.evaluate(script)) as number;
}

const part: BenchPart = {
  title: 'reports',
  async run(): Promise<BenchFigure[]> {
    const today = new Date().toISOString().slice(0, 10);
    const figures: BenchFigure[] = [];

    // ---- Node: facts and aggregates ----
    const data = year(
      ['u-bench-1', 'u-bench-2', 'u-bench-3', 'u-bench-4', 'u-bench-5', 'u-bench-6'],
      today,
      'u-lead-1',
    );
    const ledgers = time(() => computeLedgers(data.contracts, data.tickets, [], data.interventions));
    const facts = time(() => buildFacts(data.contracts, data.tickets, [], data.interventions));
    const yearReport = time(() => aggregate(facts.value, { period: presetPeriod('year', today) }));
    const monthReport = time(() => aggregate(facts.value, { period: presetPeriod('month', today) }));
    const again = time(() => aggregate(facts.value, { period: presetPeriod('year', today) }));
    if (again.value !== yearReport.value) throw new Error('the year report was not memoised');
    const n = data.interventions.length.toLocaleString('en');
    figures.push(
      { name: `ledgers of 30 contracts over ${n} interventions (shared/domain, node)`, value: ledgers.ms, unit: 'ms' },
      { name: `report facts: one row per intervention (node)`, value: facts.ms, unit: 'ms' },
      {
        name: `aggregate a year: ${yearReport.value.totals.interventions} rows (node)`,
        value: yearReport.ms,
        unit: 'ms',
      },
      { name: 'aggregate a month (node)', value: monthReport.ms, unit: 'ms' },
      { name: 'the same year again (memoised, node)', value: again.ms, unit: 'ms' },
    );

    // ---- Browser build ----
    if (!existsSync('dist/renderer/index.html')) throw new Error('build the app first: npm run build');
    const server = await startServer({ staticDir: 'dist/renderer' });
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const admin = await login(server.url, ADMIN.email, ADMIN.password);
      const lead = await createUser(server.url, admin.accessToken, {
        email: 'lead-bench@cadran.test',
        name: 'Chef Mesure',
        role: 'lead',
        password: PASSWORD,
      });
      // Validated work is pushed by the admin, so the admin is its validator (the server checks it).
      const docs = year([lead.id], today, admin.user.id);
      for (const [collection, list] of [
        ['clients', docs.clients],
        ['contracts', docs.contracts],
        ['tickets', docs.tickets],
        ['interventions', docs.interventions],
      ] as const) {
        const batches: Record<string, unknown>[][] = [];
        for (let i = 0; i < list.length; i += 1000)
          batches.push(list.slice(i, i + 1000) as unknown as Record<string, unknown>[]);
        let next = 0;
        const worker = async () => {
          while (next < batches.length) {
            const batch = batches[next++];
            if (batch) await push(server.url, admin.accessToken, collection, batch);
          }
        };
        await Promise.all([worker(), worker(), worker(), worker()]);
      }
      const context = await browser.newContext({
        locale: 'fr-FR',
        timezoneId: 'Europe/Paris',
        viewport: { width: 1366, height: 820 },
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/#/credit`);
      await page.getByLabel('Adresse e-mail').fill('lead-bench@cadran.test');
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
      await page.getByText('Première synchronisation…').waitFor({ state: 'hidden', timeout: 600_000 });
      // The credit screen holds the year in memory, as a lead moving between screens does.
      await page.goto(`${server.url}/#/credit`);
      await page
        .getByRole('link', { name: /Client \d+ SARL/ })
        .first()
        .waitFor({ timeout: 120_000 });
      const drawn = `/Interventions \\(\\d+\\)/.test(document.querySelector('#drill-title')?.textContent ?? '') && !!document.querySelector('.kpi-value')`;
      const open = await timeInPage(page, 'a[href="#/reports"]', drawn);
      // The period's label and the list are drawn by the same render: the label says which period shows.
      const labelIs = (period: { from: string; to: string }) => {
        const fr = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
        return `document.querySelector('.period-label')?.textContent === ${JSON.stringify(`Du ${fr(period.from)} au ${fr(period.to)}`)} && ${drawn}`;
      };
      const toYear = await timeInPage(page, 'input[type=radio][value=year]', labelIs(presetPeriod('year', today)));
      const toMonth = await timeInPage(page, 'input[type=radio][value=month]', labelIs(presetPeriod('month', today)));
      // Cold: a fresh load straight onto the year's report — app start, IndexedDB read, ledgers, render.
      await page.goto('about:blank');
      await page.goto(`${server.url}/#/reports?period=year`);
      // Polled every frame from inside the page (the app's CSP forbids Playwright's string predicates).
      const cold = (await page.evaluate(`new Promise((resolve) => {
        let shell;
        const poll = () => {
          if (shell === undefined && document.querySelector('nav[aria-label]')) shell = performance.now();
          if (${drawn}) requestAnimationFrame(() => resolve({ shell, drawn: performance.now() }));
          else requestAnimationFrame(poll);
        };
        poll();
      })`)) as { shell: number; drawn: number };
      await context.close();
      figures.push(
        {
          name: `browser: open the reports over ${n} interventions (in memory)`,
          value: open,
          unit: 'ms',
          target: { value: TARGET_MS, lowerIsBetter: true },
        },
        {
          name: 'browser: switch the period to this year',
          value: toYear,
          unit: 'ms',
          target: { value: TARGET_MS, lowerIsBetter: true },
        },
        {
          name: 'browser: switch the period back to this month',
          value: toMonth,
          unit: 'ms',
          target: { value: TARGET_MS, lowerIsBetter: true },
        },
        { name: 'browser: cold load, app shell shown', value: cold.shell, unit: 'ms' },
        { name: 'browser: cold load, year report drawn (+ IndexedDB read, ledgers)', value: cold.drawn, unit: 'ms' },
      );
    } finally {
      await browser.close();
      await server.stop();
    }
    return figures;
  },
};

export default part;
