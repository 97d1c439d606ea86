// The browser implementation of the platform door, for `npm run web` and the end-to-end
// tests: downloads instead of a save dialog, a file input instead of an open dialog.
import {
  type OpenedFile,
  type OpenFilesRequest,
  type Platform,
  type SaveFileRequest,
} from './types.ts';

function acceptAttribute(request: OpenFilesRequest): string {
  return (request.filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

export function createBrowserPlatform(doc: Document = document): Platform {
  return {
    kind: 'browser',
    appInfo: () =>
      Promise.resolve({
        name: 'Liaison Log',
        version: __APP_VERSION__,
        runtime: 'browser',
      }),
    saveFile(request: SaveFileRequest) {
      // Copy into a fresh ArrayBuffer-backed view so Blob gets exactly the bytes given.
      const blob = new Blob([request.data.slice()], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = doc.createElement('a');
      a.href = url;
      a.download = request.suggestedName;
      a.rel = 'noopener';
      doc.body.appendChild(a);
      a.click();
      a.remove();
      // Revoke later: Chromium reads the blob asynchronously after the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve({ saved: true, location: request.suggestedName });
    },
    openFiles(request: OpenFilesRequest) {
      return new Promise<OpenedFile[]>((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.multiple = request.multiple;
        const accept = acceptAttribute(request);
        if (accept) input.accept = accept;
        input.addEventListener('cancel', () => resolve([]));
        input.addEventListener('change', () => {
          const files = Array.from(input.files ?? []);
          Promise.all(
            files.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })),
          ).then(resolve, reject);
        });
        input.click();
      });
    },
  };
}
