// Guards attached to every WebContents the app creates (app.on('web-contents-created')) and
// to the session: no navigation off app://, no new windows, no <webview>, no permissions.
// The decisions themselves live in security.ts.
import type { Session, WebContents } from 'electron';
import { isAllowedNavigation, isSafeExternalUrl } from './security.main';

export interface GuardDeps {
  /** shell.openExternal in the app; only ever called with a URL isSafeExternalUrl accepts. */
  openExternal(url: string): void;
  warn(message: string): void;
}

/** A URL for the log without its query or fragment, which may carry a person's data. */
function forLog(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

interface PreventableNavigation {
  readonly url: string;
  preventDefault(): void;
}

export function installWebContentsGuards(contents: WebContents, deps: GuardDeps): void {
  const guardNavigation = (kind: string) => (details: PreventableNavigation) => {
    if (!isAllowedNavigation(details.url)) {
      details.preventDefault();
      deps.warn(`[guard] refused ${kind} to ${forLog(details.url)}`);
    }
  };
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  // Subframes (the CSP already keeps them on 'self'); the top frame is will-navigate's.
  const guardSubframe = guardNavigation('frame navigation');
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame) guardSubframe(details);
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    deps.warn('[guard] refused to attach a <webview>');
  });

  // No new windows ever. A link meant for a new window opens in the person's browser only if
  // its origin is on the allowlist (security.ts › EXTERNAL_ORIGINS), which is empty.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      deps.openExternal(url);
    } else {
      deps.warn(`[guard] refused to open ${forLog(url)}`);
    }
    return { action: 'deny' };
  });
}

/** The app asks for no permission (camera, notifications, clipboard reads...): deny all. */
export function denyAllPermissions(session: Session, deps: Pick<GuardDeps, 'warn'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    deps.warn(`[guard] refused permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
