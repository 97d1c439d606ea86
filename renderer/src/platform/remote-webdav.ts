// The browser build's remote capability: the shared WebDAV store (shared/remote/webdav-store.ts)
// over the page's own fetch, to the same origin (docs/online-sync.md).
export { createWebdavRemote } from '../../../shared/remote/webdav-store.ts';
