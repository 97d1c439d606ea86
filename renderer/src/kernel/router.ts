// A tiny hash router: the current screen lives in location.hash so a reload (or a crash
// and restart) reopens the same screen. The parsed view is UI state, held in the store.
import { ACTIVITY_TYPE_IDS, type ActivityTypeId } from '../../../shared/domain/catalogue-types.ts';

export type View =
  | { name: 'list' }
  | { name: 'new'; type?: ActivityTypeId }
  | { name: 'detail'; id: string }
  | { name: 'edit'; id: string }
  | { name: 'settings' }
  /** Export and import bundles, receipts, import reports (everyone). */
  | { name: 'sync' }
  /**
   * A team lead's review queue for its posts (lead, HQ). `resume`: back from an entry opened
   * from the queue, which is found as it was left (filters, sort, current entry); the menu
   * and the address open it afresh.
   */
  | { name: 'review'; resume?: true }
  /**
   * Summaries of a lead's posts, or of the network at HQ (lead, HQ). `resume`: reached by the
   * browser's Back or Forward, so found at the level it was left (features/summaries/
   * kept-place.ts); the menu and a reload open it afresh.
   */
  | { name: 'summaries'; resume?: true }
  /** The network profile: posts, leads, devices waiting for approval, policy (HQ). */
  | { name: 'network' };

/** Screens named by a single hash word. */
const SIMPLE = ['settings', 'sync', 'review', 'summaries', 'network'] as const;
type SimpleName = (typeof SIMPLE)[number];

function isSimple(value: string | undefined): value is SimpleName {
  return (SIMPLE as readonly (string | undefined)[]).includes(value);
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;

function decodePart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return ''; // a malformed escape is no valid id: the log is shown instead
  }
}

export function parseHash(hash: string): View {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodePart);
  const [head, arg, tail] = parts;
  if (head === 'new') {
    const type = (ACTIVITY_TYPE_IDS as readonly string[]).includes(arg ?? '')
      ? (arg as ActivityTypeId)
      : undefined;
    return type ? { name: 'new', type } : { name: 'new' };
  }
  if (head === 'activity' && arg && ID.test(arg)) {
    return tail === 'edit' ? { name: 'edit', id: arg } : { name: 'detail', id: arg };
  }
  if (isSimple(head)) return { name: head };
  return { name: 'list' };
}

export function viewToHash(view: View): string {
  switch (view.name) {
    case 'list':
      return '#/';
    case 'new':
      return view.type ? `#/new/${view.type}` : '#/new';
    case 'detail':
      return `#/activity/${encodeURIComponent(view.id)}`;
    case 'edit':
      return `#/activity/${encodeURIComponent(view.id)}/edit`;
    case 'settings':
    case 'sync':
    case 'review':
    case 'summaries':
    case 'network':
      return `#/${view.name}`;
  }
}
