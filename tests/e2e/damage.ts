// Damage written straight into Chromium's IndexedDB, under the app's feet, as a damaged disk
// or another build would leave a row: the app's own checks never see these writes.
import { type Page } from '@playwright/test';

export type Damage =
  /** A sealed value's ciphertext changed, in the row and in the change log alike. */
  | 'sealed'
  /** A required field gone. */
  | 'no-review'
  | 'no-data'
  | 'no-type'
  /** What a newer build might store: a higher schema version and a field unknown here. */
  | 'newer-shape'
  /** One change-log row of the record loses its field path; the row itself stays whole. */
  | 'change-no-field';

/** Damages the newest stored row of activity `type`; returns its id. */
export async function damageRow(page: Page, type: string, damage: Damage): Promise<string> {
  return page.evaluate(
    ({ type, damage }) =>
      new Promise<string>((resolve, reject) => {
        const flip = (sealed: string) => {
          const parts = sealed.split('.');
          const last = parts[parts.length - 1] ?? '';
          parts[parts.length - 1] = (last.startsWith('A') ? 'B' : 'A') + last.slice(1);
          return parts.join('.');
        };
        const open = indexedDB.open('liaison-log');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['activities', 'changes'], 'readwrite');
          const rows = tx.objectStore('activities').getAll();
          let id = '';
          rows.onsuccess = () => {
            const all = rows.result as Record<string, unknown>[];
            const row = all
              .filter((r) => r.type === type)
              .sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)))[0];
            if (!row) return reject(new Error(`no ${type} row`));
            id = String(row.id);
            const data = row.data as Record<string, unknown>;
            if (damage === 'sealed') data.travellerName = flip(String(data.travellerName));
            if (damage === 'no-review') delete row.review;
            if (damage === 'no-data') delete row.data;
            if (damage === 'no-type') delete row.type;
            if (damage === 'newer-shape') {
              row.schemaVersion = 99;
              row.addedByANewerBuild = { anything: [1, 2, 3] };
            }
            if (damage !== 'change-no-field') tx.objectStore('activities').put(row);
            if (damage !== 'sealed' && damage !== 'change-no-field') return;
            let damagedOne = false;
            const cursor = tx.objectStore('changes').openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return;
              // A save row holds a write's changes (change-log.ts); an older row is one change.
              type Stored = { recordId: string; field: string; value: string };
              const row = c.value as Stored & { changes?: Stored[] };
              if (row.recordId !== id) return c.continue();
              const changes = row.changes ?? [row];
              if (damage === 'sealed') {
                for (const change of changes) {
                  if (change.field === 'data.travellerName') change.value = flip(change.value);
                }
                c.update(row);
              } else if (!damagedOne) {
                damagedOne = true;
                delete (changes[0] as Partial<Stored>).field;
                c.update(row);
              }
              c.continue();
            };
          };
          tx.oncomplete = () => {
            db.close();
            resolve(id);
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    { type, damage },
  );
}
