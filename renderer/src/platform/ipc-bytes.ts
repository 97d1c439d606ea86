// Bytes handed to the preload bridge: IPC copies a view's whole underlying buffer, so a
// subarray goes as its own bytes (a small copy, never the rest of a larger buffer).
export function ownBytes(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}
