// The top bar at a common laptop width (1280 px, less a 16 px scrollbar: a long summary scrolls
// the page): each role's menu stays on one line in both languages, whichever item is current
// (the French menu of a team lead, the longest, wrapped onto a second line), and
// HQ's empty log says where its entries come from (HQ has no "New activity").
import { expect, test, type Page } from '@playwright/test';
import { demoDevice, shot, switchLanguage, type DemoDevice } from './helpers.ts';

/** The distinct top offsets of the menu's links: one value when the menu is one line. */
async function menuLines(page: Page): Promise<number> {
  const tops = await page
    .getByRole('navigation', { name: /^(Main|Navigation principale)$/ })
    .getByRole('link')
    .evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThan(3);
  return new Set(tops).size;
}

const WHO: readonly DemoDevice[] = [
  { role: 'lead', leadId: 'lead-americas' },
  { role: 'hq' },
  { role: 'officer', officerId: 'lo-bogota-1' },
];

for (const who of WHO) {
  test(`the ${who.role}'s menu is one line at 1280 px, in English and in French`, async ({
    browser,
  }) => {
    const page = await demoDevice(browser, who, { viewport: { width: 1264, height: 800 } });
    expect(await menuLines(page)).toBe(1);
    await switchLanguage(page, 'fr');
    const menu = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(menu).toBeVisible();
    expect(await menuLines(page)).toBe(1);
    // Whichever item is current (bold, so wider), on each screen of the menu.
    for (const link of await menu.getByRole('link').all()) {
      await link.click();
      await expect(link).toHaveAttribute('aria-current', 'page');
      expect(await menuLines(page)).toBe(1);
    }
    await menu.getByRole('link').first().click();
    if (who.role === 'hq') {
      await expect(
        page.getByText('Les entrées arrivent quand vous importez les lots'),
      ).toBeVisible();
      await shot(page, 'top-bar-fr-hq-empty-log');
    } else if (who.role === 'lead') {
      await shot(page, 'top-bar-fr-lead');
    }
    await page.context().close();
  });
}
