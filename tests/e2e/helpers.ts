// Shared steps for the end-to-end tests: set up an officer, log an activity the way a
// person does (keyboard and form), scan a screen with axe, keep a screenshot to look at.
import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const SCREENS_DIR = 'test-results/screens';

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png`, fullPage: true });
}

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${screen}`).toEqual([]);
}

export async function setUpOfficer(
  page: Page,
  who = { name: 'Marie Tremblay', officerId: 'LO-0042', post: 'BOG' },
) {
  await page.goto('/');
  await page.getByLabel('Your name').fill(who.name);
  await page.getByLabel('Officer ID').fill(who.officerId);
  await page.getByLabel('Post').selectOption(who.post);
  await page.getByRole('button', { name: 'Start logging' }).click();
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
}

type Sample = Record<string, string | number | boolean | string[]>;

/** One realistic entry per activity type, by field name. */
export const SAMPLES: Record<string, { key: string; values: Sample; search: string }> = {
  training: {
    key: '1',
    values: {
      audience: 'airline-staff',
      organization: 'Aerolíneas Andinas',
      location: 'El Dorado airport',
      peopleTrained: 25,
      topics: ['document-examination', 'impostors'],
    },
    search: 'andinas',
  },
  interdiction: {
    key: '2',
    values: {
      airport: 'BOG',
      carrier: 'Avianca',
      flightNumber: 'AV 204',
      documentType: 'passport',
      fraudType: 'impostor',
      documentCountry: 'COL',
      persons: 2,
      outcome: 'boarding-denied',
      travellerName: 'Canary Sensitive-Name',
    },
    search: 'avianca',
  },
  facilitation: {
    key: '3',
    values: { reason: 'lost-documents', persons: 3, destination: 'Toronto' },
    search: 'toronto',
  },
  removal: {
    key: '4',
    values: {
      removals: 1,
      assistance: ['travel-document', 'escort'],
      escorted: true,
      destinationCountry: 'COL',
    },
    search: '',
  },
  evacuation: {
    key: '5',
    values: {
      crisis: 'Earthquake response',
      screened: 40,
      cleared: 35,
      referred: 5,
      destination: 'canada',
    },
    search: 'earthquake',
  },
  liaison: {
    key: '6',
    values: {
      counterpart: 'rcmp',
      jointActivity: true,
      meetings: 1,
      subject: 'Joint briefing on smuggling routes',
    },
    search: 'smuggling',
  },
  'info-report': {
    key: '7',
    values: {
      priority: 'PIR-7',
      classification: 'protected-a',
      title: 'Trend in visa fraud',
      body: 'Three altered visas seen this month.',
      reports: 1,
    },
    search: 'visa',
  },
};

export async function fillFields(page: Page, values: Sample): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`#field-${name}`);
    if (Array.isArray(value)) {
      for (const v of value) await page.locator(`input[name="data.${name}"][value="${v}"]`).check();
    } else if (typeof value === 'boolean') {
      await field.setChecked(value);
    } else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') {
      await field.selectOption(String(value));
    } else {
      await field.fill(String(value));
    }
  }
}

/** From the log: New activity, the type's digit, fill, Ctrl+Enter, back on the log. */
export async function logActivity(page: Page, type: keyof typeof SAMPLES): Promise<void> {
  const sample = SAMPLES[type];
  if (!sample) throw new Error(`no sample for ${type}`);
  await page.getByRole('link', { name: 'New activity' }).click();
  await expect(page.getByRole('heading', { name: 'What did you do?' })).toBeVisible();
  await page.keyboard.press(sample.key);
  await expect(page.locator('#form-heading')).toBeVisible();
  await fillFields(page, sample.values);
  await page.locator('#occurredOn').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Activity saved.' })).toBeVisible();
}

export async function activityCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('activity-count').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}
