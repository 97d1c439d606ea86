// The set-up the relay tests share: a real Apache WebDAV server started before a file's tests
// and stopped after them, and a network of one officer (OFFICER_A) with HQ.
import { afterAll, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { APACHE_BINARY, startApache, type ApacheServer } from '../../webdav/apache.ts';
import { OFFICER_A, makeNetwork, type TestNetwork } from './exchange-fixtures.ts';

/** Registers the file's hooks; `ready` receives the server and the network once started. */
export function withRelayServer(ready: (apache: ApacheServer, net: TestNetwork) => void): void {
  let apache: ApacheServer | undefined;
  beforeAll(async () => {
    if (!existsSync(APACHE_BINARY)) throw new Error('apache2-bin is not installed (README)');
    apache = await startApache();
    ready(apache, await makeNetwork([OFFICER_A]));
  }, 20_000);
  afterAll(async () => {
    await apache?.dispose();
  });
}
