// The remote capability of the platform door (a folder on a WebDAV relay): its shape lives in
// shared/remote/store.ts, as the Electron main process serves the same one.
export {
  RemoteError,
  type PutResult,
  type RemoteConfig,
  type RemoteStore,
} from '../../../shared/remote/store.ts';
