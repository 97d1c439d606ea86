// Who may edit or delete a record on this device: only its own officer. Leads and HQ review
// records instead (reviewActivity); the database refuses anything else as 'not-yours'.
import { logsOwnEntries } from '../../kernel/roles.ts';
import { type Session } from '../../kernel/session.ts';

export function isOwnRecord(session: Session, officerId: string): boolean {
  return logsOwnEntries(session.identity.role) && officerId === session.author.officerId;
}
