// `npm run demo:bundles -- DIR`: writes into DIR one signed bundle per demo officer (63 files),
// the changes that officer's laptop would have sent for FY 2009–10 to FY 2012–13, addressed to
// the demo HQ and the officer's regional lead. Same seed, same files. Options: --seed TEXT.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_DEMO_SEED,
  DEMO_ROSTER,
  demoOfficerBundle,
  demoNilReport,
  generateDemoData,
  officerChanges,
  seededIdSource,
} from '../shared/demo-data/index.ts';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? args[seedAt + 1] : DEFAULT_DEMO_SEED;
const dir = args.find((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1));
if (dir === undefined || seed === undefined) {
  console.error('Usage: npm run demo:bundles -- DIR [--seed TEXT]');
  process.exit(2);
}

const start = performance.now();
const data = generateDemoData({ seed, nothingToReport: demoNilReport });
const generated = performance.now();
const bundleIds = seededIdSource(`${seed}/bundles`);
await mkdir(dir, { recursive: true });
let changes = 0;
let bytes = 0;
for (const officer of DEMO_ROSTER) {
  const file = await demoOfficerBundle(officer, officerChanges(data.entries, officer), bundleIds());
  await writeFile(join(dir, file.fileName), file.data);
  changes += file.changes;
  bytes += file.data.byteLength;
}
const ms = (t: number) => Math.round(t);
console.log(
  `${DEMO_ROSTER.length} bundles, ${data.entries.length} entries, ${changes} changes, ` +
    `${(bytes / 1024 / 1024).toFixed(1)} MiB in ${dir} ` +
    `(generation ${ms(generated - start)} ms, total ${ms(performance.now() - start)} ms)`,
);
