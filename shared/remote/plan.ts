// What one sync does, decided from what is waiting here and what the server lists: pure, so
// every case (already there, half uploaded, foreign file, acknowledged) is tested without a
// server. The transport then carries the plan out; the exchange engine applies the bundles.
import { isTempName, parseRemoteName } from './layout.ts';

/** A bundle built here and not yet on the server (kept in the database until it is). */
export interface PendingUpload {
  /** Its name on the server (remoteBundleName). */
  remoteName: string;
}

export interface UploadPlan<P extends PendingUpload> {
  /** Not on the server yet: PUT under a temp name, then MOVE. */
  upload: P[];
  /** Already there (an earlier try got as far as the MOVE): not sent twice. */
  alreadyThere: P[];
  /** Temp files of earlier tries that never finished: removed. */
  staleTemps: string[];
}

export function planUploads<P extends PendingUpload>(
  pending: readonly P[],
  remoteNames: readonly string[],
): UploadPlan<P> {
  const present = new Set(remoteNames);
  return {
    upload: pending.filter((p) => !present.has(p.remoteName)),
    alreadyThere: pending.filter((p) => present.has(p.remoteName)),
    staleTemps: remoteNames.filter(isTempName),
  };
}

/** Own outbox files every recipient has acknowledged (their last seq at or under `acked`). */
export function planOutboxPrune(remoteNames: readonly string[], acked: number): string[] {
  return remoteNames.filter((name) => {
    const seqs = parseRemoteName(name)?.seqs;
    return seqs !== null && seqs !== undefined && seqs.to <= acked;
  });
}

export interface InboxPlan {
  /** Bundles addressed to this device, oldest name first: downloaded, imported, removed. */
  apply: string[];
  /** Not a bundle this layout names: moved to set-aside and reported once. */
  foreign: string[];
}

/** HQ's profile copy's version (`…__profile-v10.llprofile`), or null for any other name. */
function profileVersion(name: string): number | null {
  const match = /__profile-v(\d{1,15})\.llprofile$/.exec(name);
  return match ? Number(match[1]) : null;
}

/**
 * Files in set-aside/ are not listed here: the transport lists the inbox folder only.
 * Profiles come first, in numeric version order (v9 before v10, never as text), so a newer
 * version never lands before an older one; then bundles, names in order.
 */
export function planInbox(remoteNames: readonly string[]): InboxPlan {
  const apply: string[] = [];
  const foreign: string[] = [];
  for (const name of [...remoteNames].sort()) {
    if (isTempName(name)) continue;
    (parseRemoteName(name) ? apply : foreign).push(name);
  }
  const profiles = apply
    .filter((n) => profileVersion(n) !== null)
    .sort((a, b) => (profileVersion(a) ?? 0) - (profileVersion(b) ?? 0));
  return { apply: [...profiles, ...apply.filter((n) => profileVersion(n) === null)], foreign };
}

/** HQ or a lead: outbox files not imported yet, device by device, names in order. */
export function planPull(
  outboxes: ReadonlyMap<string, readonly string[]>,
  imported: ReadonlySet<string>,
): { deviceId: string; name: string }[] {
  const out: { deviceId: string; name: string }[] = [];
  for (const deviceId of [...outboxes.keys()].sort()) {
    for (const name of [...(outboxes.get(deviceId) ?? [])].sort()) {
      if (isTempName(name) || !parseRemoteName(name)) continue;
      if (!imported.has(pullKey(deviceId, name))) out.push({ deviceId, name });
    }
  }
  return out;
}

/** How HQ remembers an outbox file it imported. */
export function pullKey(deviceId: string, name: string): string {
  return `${deviceId}/${name}`;
}
