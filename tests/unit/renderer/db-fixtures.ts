// Shared set-up for the database tests: a fresh database name per test, a controllable
// clock, and a small fixed catalogue so the tests do not move when the real one changes.
import { type ActivityTypeDef } from '../../../shared/domain/catalogue-types.ts';
import {
  openDatabase,
  type Author,
  type LiaisonDb,
  type OpenOptions,
} from '../../../renderer/src/db/index.ts';
import { getOrCreateDevice } from '../../../renderer/src/db/index.ts';
import { makeSealer, type Sealer } from '../../../renderer/src/db/sealing.ts';
import { VaultSession } from '../../../renderer/src/kernel/vault-session.ts';
import { makeSession, type Session } from '../../../renderer/src/kernel/session.ts';

let counter = 0;
export function freshName(): string {
  counter += 1;
  return `test-db-${counter}-${Math.random().toString(36).slice(2)}`;
}

const L = (en: string, fr: string) => ({ en, fr });

/** A 'liaison' type with one field of each kind the search index cares about. */
export const testLiaison: ActivityTypeDef = {
  id: 'liaison',
  version: 2,
  label: L('Liaison', 'Liaison'),
  description: L('Meetings', 'Réunions'),
  unit: L('meetings', 'réunions'),
  countField: 'meetings',
  fields: [
    {
      name: 'meetings',
      kind: 'integer',
      label: L('Meetings', 'Réunions'),
      required: true,
      sensitive: false,
      counts: true,
    },
    {
      name: 'subject',
      kind: 'text',
      label: L('Subject', 'Sujet'),
      required: true,
      sensitive: false,
    },
    {
      name: 'notes',
      kind: 'longtext',
      label: L('Notes', 'Notes'),
      required: false,
      sensitive: false,
    },
    {
      name: 'counterpart',
      kind: 'select',
      label: L('Counterpart', 'Interlocuteur'),
      required: true,
      sensitive: false,
      options: [
        { value: 'rcmp', label: L('RCMP', 'GRC') },
        { value: 'airline', label: L('Airline', 'Compagnie aérienne') },
      ],
    },
    {
      name: 'travellerName',
      kind: 'text',
      label: L('Traveller', 'Voyageur'),
      required: false,
      sensitive: true,
    },
    {
      name: 'caseNotes',
      kind: 'longtext',
      label: L('Case notes', 'Notes'),
      required: false,
      sensitive: true,
    },
  ],
};

export const testTraining: ActivityTypeDef = {
  ...testLiaison,
  id: 'training',
  label: L('Training', 'Formation'),
};

export const testTypes = (id: string): ActivityTypeDef | undefined =>
  id === 'liaison' ? testLiaison : id === 'training' ? testTraining : undefined;

/** A clock the test moves; each read advances 1 ms so stamps differ like real time. */
export function testClock(start = Date.UTC(2025, 3, 1, 9, 0, 0)): {
  now: () => number;
  set: (t: number) => void;
} {
  let t = start;
  return {
    now: () => t++,
    set: (next) => {
      t = next;
    },
  };
}

export async function openTestDb(
  options: OpenOptions = {},
  name = freshName(),
): Promise<{ db: LiaisonDb; author: Author; name: string }> {
  const db = await openDatabase(name, { types: testTypes, now: testClock().now, ...options });
  const { deviceId } = await getOrCreateDevice(db);
  return { db, author: { deviceId, officerId: 'lo-bogota-1', postCode: 'BOG' }, name };
}

export function liaisonInput(
  overrides: Partial<{ occurredOn: string; data: Record<string, string | number> }> = {},
) {
  return {
    type: 'liaison' as const,
    schemaVersion: 2,
    occurredOn: overrides.occurredOn ?? '2025-04-10',
    data: overrides.data ?? {
      meetings: 1,
      subject: 'Briefing at Montréal airport',
      counterpart: 'rcmp',
    },
  };
}

/** A data key as the vault makes one (AES-256-GCM, not extractable). */
export function testDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A sealer over a fresh data key: what an unlocked app passes to its writes. */
export async function testSealer(): Promise<Sealer> {
  return makeSealer(await testDataKey());
}

/** A vault session already unlocked with a fresh data key (no vault record stored). */
export async function unlockedSession(db: LiaisonDb): Promise<VaultSession> {
  const session = new VaultSession(db);
  session.open(await testDataKey());
  return session;
}

/** The session of the demo officer Sofía Herrera at Bogotá, on the device `author` names. */
export function officerSession(author: { deviceId: string; officerId: string }): Session {
  return makeSession({
    deviceId: author.deviceId,
    networkId: 'liaison-log-demo',
    role: 'officer',
    officerId: author.officerId,
    name: 'Sofía Herrera',
    postCode: 'BOG',
    demo: true,
    createdAt: '2026-01-01T00:00:00Z',
  });
}
