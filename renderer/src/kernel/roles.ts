// What a role does. Which screens it may open is in the shell's route registry
// (app/routes.tsx). The role comes from the device's identity, which the wizard set
// from the HQ-signed profile; there is no switch to flip. Imports check the same roles again
// against the profile (shared/sync/authorize.ts), so a hand-edited database gains nothing.
import { type Role } from '../../../shared/identity/schemas.ts';

/** Whether this role writes its own field entries (HQ reads and reviews, it does not log). */
export function logsOwnEntries(role: Role): boolean {
  return role !== 'hq';
}
