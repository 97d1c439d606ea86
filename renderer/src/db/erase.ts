// Erasing this device's data: the whole database, closed first so the delete is not blocked
// by this window's own connection. The caller reloads the app afterwards.
import { type LiaisonDb } from './db.ts';

export async function eraseDatabase(db: LiaisonDb): Promise<void> {
  db.close();
  await db.delete();
}
