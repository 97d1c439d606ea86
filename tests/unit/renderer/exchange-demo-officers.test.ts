// The demo profile lists the 63 demo officers' generated-data devices, so the demo HQ and the
// demo leads take the generated bundles at once (no device waiting for approval); nothing is
// ever encrypted for those devices (no install runs them), and a person trying the demo as an
// officer still enrolls with fresh keys under a device id of their own.
import { isNilReport } from '../../../shared/domain/nil-report.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Activity } from '../../../shared/domain/activity.ts';
import {
  DEMO_ROSTER,
  demoOfficerBundle,
  demoOfficerDeviceId,
  demoNilReport,
  generateDemoData,
  officerChanges,
} from '../../../shared/demo-data/index.ts';
import { MAX_RECIPIENTS } from '../../../shared/bundle/limits.ts';
import { importFiles } from '../../../renderer/src/db/exchange/engine.ts';
import { changeRecipients, loadSelfInfo } from '../../../renderer/src/db/exchange/self.ts';
import {
  OFFICER_A,
  hqDevice,
  leadDevice,
  makeNetwork,
  officerDevice,
  logOne,
  type TestNetwork,
} from './exchange-fixtures.ts';
import { buildChangesExport } from '../../../renderer/src/db/exchange/export.ts';

let net: TestNetwork;
let entries: readonly Activity[];
beforeAll(async () => {
  net = await makeNetwork([OFFICER_A]);
  entries = generateDemoData({ nothingToReport: demoNilReport }).entries;
}, 60_000);

/** A small bundle of a roster officer's first liaison and training entries, as generated. */
async function generatedBundle(officerId: string, count = 12) {
  const officer = DEMO_ROSTER.find((o) => o.officerId === officerId);
  if (!officer) throw new Error(`not in the roster: ${officerId}`);
  const own = entries
    .filter((e) => e.officerId === officerId)
    .filter((e) => e.type === 'liaison' || e.type === 'training')
    .slice(0, count);
  return demoOfficerBundle(officer, officerChanges(own, officer), `bundle-${officerId}`);
}

describe('the demo officers’ generated bundles', () => {
  it('are applied at the demo HQ at once, from the listed device, with no approval step', async () => {
    const hq = await hqDevice(net);
    const file = await generatedBundle('lo-bogota-2');
    const run = await importFiles(hq.deps, [{ name: file.fileName, data: file.data }]);
    const outcome = run.files[0]?.outcome;
    expect(outcome?.kind).toBe('applied');
    if (outcome?.kind !== 'applied') return;
    expect(outcome.sender).toMatchObject({
      deviceId: demoOfficerDeviceId('lo-bogota-2'),
      officerId: 'lo-bogota-2',
      postCode: 'BOG',
      role: 'officer',
    });
    // No review write of the officer's (the app's own export leaves them out too). This test
    // database knows a reduced catalogue, so only the full app takes every value: the
    // end-to-end test (tests/e2e/demo-import.spec.ts) sees no refusal at all.
    expect(outcome.refused.filter((r) => r.field.startsWith('review.'))).toEqual([]);
    expect(outcome.entries?.added).toBe(12);
    expect(await hq.db.exchangePendingDevices.count()).toBe(0);
    // The same file again changes nothing.
    const again = await importFiles(hq.deps, [{ name: file.fileName, data: file.data }]);
    expect(again.files[0]?.outcome.kind).toBe('already-imported');
  });

  it('find the records they carry again when a big bundle repeats them under another id', async () => {
    // 250 records: past the few ids one cursor reads, so the stored rows are found from the
    // table's keys. The second bundle carries the same changes: nothing new, all unchanged.
    const hq = await hqDevice(net);
    const first = await generatedBundle('lo-mexico-1', 250);
    const officer = DEMO_ROSTER.find((o) => o.officerId === 'lo-mexico-1');
    if (!officer) throw new Error('lo-mexico-1 is not in the roster');
    await importFiles(hq.deps, [{ name: first.fileName, data: first.data }]);
    const own = entries.filter(
      (e) => e.officerId === 'lo-mexico-1' && (e.type === 'liaison' || e.type === 'training'),
    );
    const resent = await demoOfficerBundle(
      officer,
      officerChanges(own.slice(0, 250), officer),
      'bundle-resent',
    );
    const run = await importFiles(hq.deps, [{ name: 'resent.llb', data: resent.data }]);
    const outcome = run.files[0]?.outcome;
    expect(outcome?.kind).toBe('applied');
    if (outcome?.kind !== 'applied') return;
    expect(outcome.entries).toEqual({ added: 0, updated: 0, nilReports: 0 });
    expect(outcome.counts.inserted + outcome.counts.updated).toBe(0);
    expect(outcome.counts.unchanged).toBeGreaterThan(1000);
  });

  it('count the nil reports among the entries they add (the log does not list those)', async () => {
    const hq = await hqDevice(net);
    const nil = entries.filter(isNilReport);
    const officerId = nil[0]?.officerId ?? '';
    const officer = DEMO_ROSTER.find((o) => o.officerId === officerId);
    if (!officer) throw new Error('no demo officer files a nil report');
    const own = [
      ...entries.filter((e) => e.officerId === officerId && e.type === 'liaison').slice(0, 3),
      ...nil.filter((e) => e.officerId === officerId),
    ];
    const nils = own.length - 3;
    expect(nils).toBeGreaterThan(0);
    const file = await demoOfficerBundle(officer, officerChanges(own, officer), 'bundle-nil');
    const run = await importFiles(hq.deps, [{ name: file.fileName, data: file.data }]);
    const outcome = run.files[0]?.outcome;
    if (outcome?.kind !== 'applied') throw new Error(`not applied: ${outcome?.kind ?? 'none'}`);
    expect(outcome.entries).toEqual({ added: own.length, updated: 0, nilReports: nils });
  });

  it('are applied at the region’s demo lead too', async () => {
    const lead = await leadDevice(net);
    const file = await generatedBundle('lo-bogota-1');
    const run = await importFiles(lead.deps, [{ name: file.fileName, data: file.data }]);
    expect(run.files[0]?.outcome.kind).toBe('applied');
    expect(await lead.db.exchangePendingDevices.count()).toBe(0);
  });
});

describe('exports from the demo network', () => {
  it('never address the generated devices, so HQ stays within one bundle’s recipients', async () => {
    const hq = await hqDevice(net);
    const recipients = changeRecipients(await loadSelfInfo(hq.db)).map((d) => d.deviceId);
    const generated = new Set(DEMO_ROSTER.map((o) => demoOfficerDeviceId(o.officerId)));
    expect(recipients.some((id) => generated.has(id))).toBe(false);
    expect(recipients).toContain(OFFICER_A.deviceId);
    expect(recipients.length).toBeLessThanOrEqual(MAX_RECIPIENTS);
    const lead = await leadDevice(net);
    const fromLead = changeRecipients(await loadSelfInfo(lead.db)).map((d) => d.deviceId);
    expect(fromLead).toContain(OFFICER_A.deviceId);
    expect(fromLead.some((id) => generated.has(id))).toBe(false);
  });

  it('still carry a demo officer’s own laptop (fresh keys, its own device id) to HQ', async () => {
    // Sofía Herrera (lo-bogota-1) on this laptop, approved by HQ beside the generated device
    // demo-lo-bogota-1 of the same officer.
    const officer = await officerDevice(net, OFFICER_A);
    await logOne(officer, 'From the demo officer’s own laptop');
    const built = await buildChangesExport(officer.deps);
    if (!built) throw new Error('nothing exported');
    const hq = await hqDevice(net);
    const run = await importFiles(hq.deps, [{ name: built.fileName, data: built.data }]);
    const outcome = run.files[0]?.outcome;
    expect(outcome?.kind).toBe('applied');
    if (outcome?.kind === 'applied') {
      expect(outcome.sender.deviceId).toBe(OFFICER_A.deviceId);
      expect(outcome.entries?.added).toBe(1);
    }
  });
});
