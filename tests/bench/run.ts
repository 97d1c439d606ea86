// `npm run bench`: every benchmark, printed as one JSON document (and kept in
// bench-results/latest.json). Not part of npm test: figures, not pass/fail.
import { mkdir, writeFile } from 'node:fs/promises';
import { runAppBench } from './app.bench.ts';
import { runCodecBench } from './codec.bench.ts';
import { runExchangeBench } from './exchange.bench.ts';
import { runOnlineBench, runPullBench } from './online.bench.ts';

const results: Record<string, unknown> = { date: new Date().toISOString() };
results.officerLog = await runAppBench();
results.bundleCodec = await runCodecBench();
results.exchange = await runExchangeBench();
results.onlineRoundTrip = await runOnlineBench();
results.onlinePull = await runPullBench();
const json = JSON.stringify(results, null, 2);
console.log(json);
await mkdir('bench-results', { recursive: true });
await writeFile('bench-results/latest.json', `${json}\n`);
