// The relay for end-to-end tests: the page reaches it through its own origin (/relay/,
// docs/online-sync.md), and Playwright forwards those requests to the test's Apache. A helper
// also fills Settings › Online sync the way a person does.
import { expect, type Page } from '@playwright/test';
import { type ApacheServer } from '../webdav/apache.ts';

/** Forwards the page's /relay/ requests to Apache; refused while `isUp()` says it is down. */
export async function routeRelay(
  page: Page,
  server: ApacheServer,
  isUp: () => boolean = () => true,
): Promise<void> {
  const toServer = (url: string) => url.replace(`${new URL(url).origin}/relay/`, server.url);
  await page.route('**/relay/**', async (route) => {
    const request = route.request();
    if (!isUp()) return route.abort('connectionrefused');
    const headers = { ...request.headers() };
    if (headers.destination) headers.destination = toServer(headers.destination);
    const body = request.postDataBuffer();
    try {
      const response = await route.fetch({
        url: toServer(request.url()),
        method: request.method(),
        headers,
        ...(body ? { postData: body } : {}),
      });
      await route.fulfill({ response });
    } catch {
      await route.abort('connectionrefused');
    }
  });
}

/** Settings › Online sync: the relay folder (under /relay/), the user, the password; saved. */
export async function setRelay(page: Page, server: ApacheServer, folder: string): Promise<void> {
  const origin = new URL(page.url()).origin;
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Relay folder address').fill(`${origin}/relay/${folder}/`);
  await page.getByLabel('User name').fill(server.user);
  await page.getByLabel('Password or app token').fill(server.password);
  await page.getByRole('button', { name: 'Save and sync' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}
