// The route registry: one entry per screen. The shell's screen switch, the navigation menu,
// the role check and the window and page titles all read these entries, so a new screen is
// one line here plus its folder under features/.
import { type ComponentType } from 'react';
import { type Role } from '../../../shared/identity/schemas.ts';
import { type View } from '../kernel/router.ts';
import { type Session } from '../kernel/session.ts';
import { ActivityDetail, ActivityList, EditActivity, NewActivity } from '../features/log/index.ts';
import { SettingsScreen } from '../features/settings/index.ts';
import { SyncScreen } from '../features/sync/index.ts';
import { NetworkScreen } from '../features/network/index.ts';
import { ReviewScreen } from '../features/review/index.ts';
import { SummariesScreen } from '../features/summaries/index.ts';

type Name = View['name'];
/** A view that is its name alone (no id to fill in): the only kind a menu link can open. */
type BareView<V = View> = V extends { name: infer N } ? ({ name: N } extends V ? V : never) : never;
export type MenuName = BareView['name'];
export interface ScreenProps<N extends Name = Name> {
  view: Extract<View, { name: N }>;
  session: Session;
}
/** A message key, or one per role where the roles see the screen differently. */
type TitleKey = string | Readonly<Record<Role, string>>;

export interface Route<N extends Name = Name> {
  /** The roles that may open the screen; any other role gets "not available here". */
  roles: readonly Role[];
  Screen: ComponentType<ScreenProps<N>>;
  /** The screen's title: the window title, the list's heading, and the menu label. */
  title: TitleKey;
  /**
   * In the menu (in this order) or not; detail and edit, which need an id, cannot be, and
   * light up the log's entry instead.
   */
  menu: N extends MenuName ? boolean : false;
  section?: Name;
}

const ALL: readonly Role[] = ['officer', 'lead', 'hq'];
const FIELD: readonly Role[] = ['officer', 'lead'];
const ABOVE_POSTS: readonly Role[] = ['lead', 'hq'];
const LOG_TITLE = { officer: 'nav.log', lead: 'nav.log', hq: 'nav.networkLog' } as const;

// prettier-ignore
export const ROUTES: { readonly [N in Name]: Route<N> } = {
  list: { roles: ALL, Screen: ActivityList, title: LOG_TITLE, menu: true },
  new: { roles: FIELD, Screen: ({ view, session }) => <NewActivity session={session} initialType={view.type} />, title: 'nav.new', menu: true },
  detail: { roles: ALL, Screen: ({ view, session }) => <ActivityDetail id={view.id} session={session} />, title: LOG_TITLE, menu: false, section: 'list' },
  edit: { roles: FIELD, Screen: ({ view, session }) => <EditActivity id={view.id} session={session} />, title: LOG_TITLE, menu: false, section: 'list' },
  review: { roles: ABOVE_POSTS, Screen: ReviewScreen, title: 'nav.review', menu: true },
  summaries: { roles: ALL, Screen: SummariesScreen, title: 'nav.summaries', menu: true },
  network: { roles: ['hq'], Screen: NetworkScreen, title: 'nav.network', menu: true },
  sync: { roles: ALL, Screen: SyncScreen, title: 'nav.sync', menu: true },
  settings: { roles: ALL, Screen: SettingsScreen, title: 'nav.settings', menu: true },
};

export const ROUTE_NAMES = Object.keys(ROUTES) as Name[];

export function canOpen(role: Role, name: Name): boolean {
  return ROUTES[name].roles.includes(role);
}

/** The message key of a screen's title as this role sees it. */
export function titleKey(role: Role, name: Name): string {
  const title = ROUTES[name].title;
  return typeof title === 'string' ? title : title[role];
}

/** In the menu: only a screen without an id can be (the type of `Route.menu` says so). */
function inMenu(name: Name): name is MenuName {
  return ROUTES[name].menu;
}

/** The menu's entries for a role, in order: name and label key. */
export function menuFor(role: Role): { name: MenuName; labelKey: string }[] {
  return ROUTE_NAMES.filter(inMenu)
    .filter((name) => canOpen(role, name))
    .map((name) => ({ name, labelKey: titleKey(role, name) }));
}

/** The menu entry lit for the current screen (detail and edit belong to the log). */
export function sectionOf(name: Name): Name {
  return ROUTES[name].section ?? name;
}
