import { describe, expect, it } from 'vitest';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser';
import { type HandleStore } from '../../../renderer/src/platform/browser-folders';
import { MAX_FILE_BYTES } from '../../../shared/ipc/contract';

// The browser build's file picker (a hidden <input type=file>), with a stand-in document
// whose input "picks" the given files as soon as it is clicked.

interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

class FakeInput extends EventTarget {
  type = '';
  multiple = false;
  accept = '';
  files: PickedFile[] | null = null;
  constructor(private readonly picked: PickedFile[] | null) {
    super();
  }
  click(): void {
    if (this.picked === null) {
      this.dispatchEvent(new Event('cancel'));
      return;
    }
    this.files = this.picked;
    this.dispatchEvent(new Event('change'));
  }
}

const noStore: HandleStore = {
  get: () => Promise.resolve(undefined),
  put: () => Promise.resolve(),
  delete: () => Promise.resolve(),
};

function pickerWith(picked: PickedFile[] | null) {
  const doc = { createElement: () => new FakeInput(picked) } as unknown as Document;
  return createBrowserPlatform(doc, { showDirectoryPicker: undefined, store: noStore });
}

const good = (name: string, ...bytes: number[]): PickedFile => ({
  name,
  size: bytes.length,
  arrayBuffer: () => Promise.resolve(new Uint8Array(bytes).buffer),
});

describe('the browser file picker', () => {
  it('reads every good file and gives an unreadable one its own result', async () => {
    const platform = pickerWith([
      good('a.llb', 1),
      {
        name: 'moved.llb',
        size: 3,
        arrayBuffer: () => Promise.reject(new DOMException('x', 'NotReadableError')),
      },
      good('z.llb', 2, 3),
    ]);
    await expect(platform.openFiles({ multiple: true })).resolves.toEqual([
      { name: 'a.llb', data: new Uint8Array([1]) },
      { name: 'moved.llb', unreadable: 'io' },
      { name: 'z.llb', data: new Uint8Array([2, 3]) },
    ]);
  });

  it('refuses a file over the cap without reading it', async () => {
    let read = false;
    const platform = pickerWith([
      {
        name: 'huge.llb',
        size: MAX_FILE_BYTES + 1,
        arrayBuffer: () => {
          read = true;
          return Promise.resolve(new ArrayBuffer(0));
        },
      },
      good('a.llb', 1),
    ]);
    await expect(platform.openFiles({ multiple: true })).resolves.toEqual([
      { name: 'huge.llb', unreadable: 'too-large' },
      { name: 'a.llb', data: new Uint8Array([1]) },
    ]);
    expect(read).toBe(false);
  });

  it('resolves to no files when the person cancels', async () => {
    await expect(pickerWith(null).openFiles({ multiple: true })).resolves.toEqual([]);
  });
});
