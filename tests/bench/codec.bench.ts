// Bundle codec benchmark: encodes and decodes 100,000 activity field changes with our codec
// (one recipient) next to a baseline measured in the same run (JSON.stringify + gzip, and
// gunzip + JSON.parse). Also compares the compressors we could have used. Prints JSON.
// Run: node --experimental-strip-types tests/bench/codec.bench.ts (Node >= 22.6), or
//      npx jiti tests/bench/codec.bench.ts (Node 20).
import { gunzipSync, gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { deflateSync, inflateSync } from 'fflate';
import { type Change } from '../../shared/sync/change.ts';
import { decodeBundle, encodeBundle, generateDeviceKeys } from '../../shared/bundle/index.ts';

const CHANGES = 100_000;
const RUNS = 9;

/** Deterministic, realistic activity changes: each new record gets its core fields, then edits. */
export function realisticChanges(count: number, seed = 7): Change[] {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words =
    'officer met airline staff at the terminal about document checks training for ground handlers passengers screened forged visa referral police follow-up next week imposter detected boarding denied'.split(
      ' ',
    );
  const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  const date = () =>
    `2025-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const core: [string, () => Change['value']][] = [
    [
      'type',
      () => pick(['training', 'interdiction', 'facilitation', 'removal', 'liaison', 'info-report']),
    ],
    ['schemaVersion', () => 1 + Math.floor(random() * 2)],
    ['officerId', () => pick(['off-amara', 'off-bruno'])],
    ['postCode', () => pick(['LOS', 'ACC'])],
    ['occurredOn', date],
  ];
  const edits: [string, () => Change['value']][] = [
    ['data.peopleTrained', () => Math.floor(random() * 60)],
    ['data.persons', () => 1 + Math.floor(random() * 9)],
    ['data.audience', () => pick(['airline', 'police', 'immigration', 'ngo'])],
    ['data.topics', () => [pick(['fraud', 'imposters', 'visas']), pick(['documents', 'api-pnr'])]],
    ['data.notes', () => sentence(6 + Math.floor(random() * 30))],
    [
      'data.travellerName',
      () =>
        `${pick(['Ade', 'Kofi', 'Maria', 'Chen'])} ${pick(['Okafor', 'Mensah', 'Silva', 'Li'])}`,
    ],
    ['data.documentNumber', () => `P${Math.floor(random() * 1e8)}`],
    ['data.followUp', () => random() < 0.5],
    ['review.status', () => pick(['pending', 'approved', 'issues', 'returned'])],
    ['review.comment', () => sentence(3 + Math.floor(random() * 12))],
  ];
  // A bundle carries only its sender's own changes, so all come from the sending laptop.
  const devices = ['lagos-laptop-01'];
  const seq = new Map<string, number>(devices.map((d) => [d, 0]));
  let wall = Date.UTC(2025, 0, 6, 8);
  const out: Change[] = [];
  let recordId = '';
  let pending: [string, () => Change['value']][] = [];
  let record = 0;
  while (out.length < count) {
    if (pending.length === 0) {
      record++;
      recordId = `act-${record.toString(36).padStart(6, '0')}-${Math.floor(random() * 2 ** 32).toString(16)}`;
      pending = [
        ...core,
        ...Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(edits)),
      ];
    }
    const [field, value] = pending.shift() as [string, () => Change['value']];
    const deviceId = devices[record % devices.length] as string;
    const s = (seq.get(deviceId) ?? 0) + 1;
    seq.set(deviceId, s);
    wall += Math.floor(random() * 4000);
    const counter = String(Math.floor(random() * 3)).padStart(6, '0');
    out.push({
      deviceId,
      seq: s,
      hlc: `${String(wall).padStart(15, '0')}-${counter}-${deviceId}`,
      collection: 'activities',
      recordId,
      field,
      value: value(),
      author: record % 2 === 0 ? 'off-amara' : 'off-bruno',
    });
  }
  return out;
}

const middle = (xs: number[]) =>
  Math.round(([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number) * 10) / 10;

/** Wall and CPU milliseconds of one call. CPU time counts every thread of the process
 *  (WebCrypto and GC helpers too), and is steadier than wall time on a shared machine. */
async function timed(run: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  await run();
  const wall = performance.now() - wall0;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** Runs the cases in turn RUNS times (so background load hits them alike); medians per case. */
async function interleaved(
  cases: Record<string, () => unknown>,
): Promise<Record<string, { ms: number; cpuMs: number }>> {
  const samples: Record<string, { wall: number[]; cpu: number[] }> = {};
  for (const name of Object.keys(cases)) samples[name] = { wall: [], cpu: [] };
  for (let r = 0; r < RUNS; r++) {
    for (const [name, run] of Object.entries(cases)) {
      const t = await timed(run);
      samples[name]?.wall.push(t.wall);
      samples[name]?.cpu.push(t.cpu);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, s]) => [
      name,
      { ms: middle(s.wall), cpuMs: middle(s.cpu) },
    ]),
  );
}

async function viaStream(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const piped = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** How the compressors we could use fare on the exact text a changes bundle compresses. */
async function compressors(text: Uint8Array): Promise<Record<string, unknown>> {
  const packed = {
    fflate1: deflateSync(text, { level: 1 }),
    fflate3: deflateSync(text, { level: 3 }),
    fflate6: deflateSync(text, { level: 6 }),
    streamRaw: await viaStream(text, new CompressionStream('deflate-raw')),
    streamGzip: await viaStream(text, new CompressionStream('gzip')),
  };
  const t = await interleaved({
    fflate1: () => deflateSync(text, { level: 1 }),
    fflate1Inflate: () => inflateSync(packed.fflate1),
    fflate3: () => deflateSync(text, { level: 3 }),
    fflate3Inflate: () => inflateSync(packed.fflate3),
    fflate6: () => deflateSync(text, { level: 6 }),
    fflate6Inflate: () => inflateSync(packed.fflate6),
    streamRaw: () => viaStream(text, new CompressionStream('deflate-raw')),
    streamRawInflate: () => viaStream(packed.streamRaw, new DecompressionStream('deflate-raw')),
    streamGzip: () => viaStream(text, new CompressionStream('gzip')),
    streamGzipInflate: () => viaStream(packed.streamGzip, new DecompressionStream('gzip')),
  });
  const row = (name: keyof typeof packed) => ({
    bytes: packed[name].length,
    compressMs: t[name]?.ms,
    inflateMs: t[`${name}Inflate`]?.ms,
  });
  return {
    inputBytes: text.length,
    'fflate-deflate-raw-level-1': row('fflate1'),
    'fflate-deflate-raw-level-3': row('fflate3'),
    'fflate-deflate-raw-level-6': row('fflate6'),
    'CompressionStream-deflate-raw': row('streamRaw'),
    'CompressionStream-gzip': row('streamGzip'),
  };
}

export async function runCodecBench(): Promise<Record<string, unknown>> {
  const changes = realisticChanges(CHANGES);
  const sender = await generateDeviceKeys();
  const hq = await generateDeviceKeys();
  const ranges = ['lagos-laptop-01'].map((deviceId) => ({
    deviceId,
    fromSeq: 1,
    toSeq: CHANGES,
  }));
  const encode = () =>
    encodeBundle({
      kind: 'changes',
      bundleId: 'bench-bundle',
      networkId: 'bench',
      sender: { deviceId: 'lagos-laptop-01', officerId: 'off-amara', postCode: 'LOS' },
      ranges,
      appVersion: '0.1.0',
      catalogueVersion: 1,
      createdAt: '2025-06-01T12:00:00.000Z',
      payload: changes,
      signingKey: sender.signing.privateKey,
      senderPublicKeys: {
        signing: sender.signing.publicKey,
        encryption: sender.encryption.publicKey,
      },
      recipients: [{ deviceId: 'hq-desktop', publicKey: hq.encryption.publicKey }],
    });
  const decode = (bytes: Uint8Array) =>
    decodeBundle(bytes, {
      recipientDeviceId: 'hq-desktop',
      recipientPrivateKey: hq.encryption.privateKey,
      expectedSenderSigningKey: sender.signing.publicKey,
    });

  const gz = gzipSync(JSON.stringify(changes));
  const bundle = await encode();
  const decoded = await decode(bundle);
  if (decoded.kind !== 'changes' || decoded.payload.length !== CHANGES)
    throw new Error('round trip failed');

  const t = await interleaved({
    baselineEncode: () => gzipSync(JSON.stringify(changes)),
    bundleEncode: encode,
    baselineDecode: () => JSON.parse(gunzipSync(gz).toString('utf8')) as unknown,
    bundleDecode: () => decode(bundle),
  });
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const { serializePayload } = await import('../../shared/bundle/v1/payload.ts');
  const text = new TextEncoder().encode(serializePayload('changes', changes, ranges).text);

  return {
    changes: CHANGES,
    runsPerFigure: RUNS,
    node: process.version,
    baseline: {
      what: 'JSON.stringify + gzip (node:zlib, level 6) / gunzip + JSON.parse',
      encode: t.baselineEncode,
      decode: t.baselineDecode,
      bytes: gz.length,
      bytesPerChange: Math.round((gz.length / CHANGES) * 100) / 100,
    },
    bundle: {
      what: 'encodeBundle / decodeBundle (1 recipient, 64 KiB chunks, fflate level 3, changeSchema on every change both ways)',
      encode: t.bundleEncode,
      decode: t.bundleDecode,
      bytes: bundle.length,
      bytesPerChange: Math.round((bundle.length / CHANGES) * 100) / 100,
    },
    ratios: {
      encodeVsBaseline: ratio(t.bundleEncode!.ms, t.baselineEncode!.ms),
      decodeVsBaseline: ratio(t.bundleDecode!.ms, t.baselineDecode!.ms),
      encodeVsBaselineCpu: ratio(t.bundleEncode!.cpuMs, t.baselineEncode!.cpuMs),
      decodeVsBaselineCpu: ratio(t.bundleDecode!.cpuMs, t.baselineDecode!.cpuMs),
      sizeVsBaseline: ratio(bundle.length, gz.length),
    },
    goal: 'within 1.5x of baseline each way',
    compressors: await compressors(text),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runCodecBench(), null, 2));
}
