// One measured reconcile, phase by phase, through the same functions the command uses (bench/reconcile.mjs).
// Prints one JSON line: the phases in ms, counts, and the peak RSS of this process.
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { gatherFacts, loadNetworkTrust, readKotApiToken } from '../dist/source/commands/gather-facts.js';
import { reconcileFacts, reconcileJson } from '../dist/source/commands/reconcile.js';
import { reconcileCsv } from '../dist/source/commands/reconcile-csv.js';
import { parseReconcileOptions } from '../dist/source/commands/reconcile-options.js';

const now = new Date();
const options = parseReconcileOptions(process.argv.slice(2), now);
const t0 = performance.now();
const trust = await loadNetworkTrust(options, process.env);
const facts = await gatherFacts(options, process.env, undefined, [], { probe: false, trust });
const t1 = performance.now();
let fetched = 0;
let requests = 0;
const token = await readKotApiToken(options, process.env);
const { result, fetched: count } = await reconcileFacts(facts, options, { token, trust, secrets: [token] }, process.env, now, () => {
  requests++;
  fetched = performance.now();
});
const t2 = performance.now();
const json = reconcileJson(result, undefined, undefined);
writeFileSync(options.csv, reconcileCsv(result.findings, 'ja'));
const t3 = performance.now();
let rows = 0;
for (const logs of facts.logs.users.values()) rows += logs.rows;
process.stdout.write(
  JSON.stringify({
    readMs: t1 - t0,
    fetchMs: fetched - t1,
    compareMs: t2 - fetched,
    outputMs: t3 - t2,
    rows,
    requests,
    fetched: count,
    expectedPunches: result.days.reduce((n, d) => n + d.punches, 0),
    jsonMB: Math.round(json.length / 1e5) / 10,
    summary: result.summary,
    maxRssKB: process.resourceUsage().maxRSS,
  }) + '\n',
);
