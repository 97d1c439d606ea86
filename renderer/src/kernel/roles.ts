// What each role may open. The role comes from the device's identity, which the wizard set
// from the HQ-signed profile; there is no switch to flip. Imports check the same roles again
// against the profile (shared/sync/authorize.ts), so a hand-edited database gains nothing.
import { type Role } from '../../../shared/identity/schemas.ts';
import { type View } from './router.ts';

const SCREENS: Record<Role, ReadonlySet<View['name']>> = {
  officer: new Set(['list', 'new', 'detail', 'edit', 'sync', 'settings']),
  lead: new Set(['list', 'new', 'detail', 'edit', 'review', 'summaries', 'sync', 'settings']),
  hq: new Set(['list', 'detail', 'review', 'summaries', 'network', 'sync', 'settings']),
};

export function canOpen(role: Role, view: View['name']): boolean {
  return SCREENS[role].has(view);
}

/** Whether this role writes its own field entries (HQ reads and reviews, it does not log). */
export function logsOwnEntries(role: Role): boolean {
  return role !== 'hq';
}
