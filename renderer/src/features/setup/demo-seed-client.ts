// Runs the demo seeding worker and turns its messages into a promise and progress calls.
import { type SeedMessage, type SeedRequest } from '../../db/demo-seed-protocol.ts';

export function seedDemoInWorker(
  request: SeedRequest,
  onProgress: (done: number, total: number) => void,
): Promise<number> {
  const worker = new Worker(new URL('../../db/demo-seed.worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise<number>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<SeedMessage>) => {
      const message = event.data;
      if (message.type === 'progress') return onProgress(message.done, message.total);
      worker.terminate();
      if (message.type === 'done') resolve(message.stored);
      else reject(new Error(message.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message));
    });
    worker.postMessage(request);
  });
}
