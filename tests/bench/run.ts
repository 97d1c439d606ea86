// `npm run bench`: every benchmark, printed as one JSON document (and kept in
// bench-results/latest.json). Not part of npm test: figures, not pass/fail.
// BENCH=summaries (or a comma list: BENCH=officerLog,exchange) runs only those parts.
import { mkdir, writeFile } from 'node:fs/promises';
import { runAppBench } from './app.bench.ts';
import { runCodecBench } from './codec.bench.ts';
import { runExchangeBench } from './exchange.bench.ts';
import { runOnlineBench, runPullBench } from './online.bench.ts';
import { runSummariesBench } from './summaries.bench.ts';

const PARTS: Record<string, () => Promise<unknown>> = {
  officerLog: runAppBench,
  bundleCodec: runCodecBench,
  exchange: runExchangeBench,
  onlineRoundTrip: runOnlineBench,
  onlinePull: runPullBench,
  summaries: runSummariesBench,
};
const wanted = process.env.BENCH?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknown = wanted?.filter((name) => !(name in PARTS)) ?? [];
if (unknown.length > 0) {
  console.error(
    `Unknown BENCH part(s): ${unknown.join(', ')}. Known: ${Object.keys(PARTS).join(', ')}`,
  );
  process.exit(2);
}

const results: Record<string, unknown> = { date: new Date().toISOString() };
for (const [name, run] of Object.entries(PARTS)) {
  if (!wanted || wanted.includes(name)) results[name] = await run();
}
const json = JSON.stringify(results, null, 2);
console.log(json);
await mkdir('bench-results', { recursive: true });
// A partial run keeps its own file, so the full run's figures are not overwritten.
const file = wanted ? `bench-results/${wanted.join('-')}.json` : 'bench-results/latest.json';
await writeFile(file, `${json}\n`);
