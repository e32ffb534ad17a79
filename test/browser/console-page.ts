import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type Response } from '@playwright/test';
import { SCREENSHOTS_DIR } from './browser-settings.js';

/** Signs in through the console's development sign-in page, as the demo person named. */
export async function signIn(page: Page, name: string): Promise<void> {
  await page.goto('/console');
  await page.getByRole('button', { name }).click();
  await expect(page.getByRole('banner').getByText(name)).toBeVisible();
}

/**
 * The page has no serious or critical accessibility violations (axe), and its screenshot is
 * written to test/browser/screenshots/<name>.png.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(serious, `accessibility violations on ${name}`).toEqual([]);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Every body the page received from /graphql, as text: `read()` waits for the last to arrive. */
export function recordGraphQLBodies(page: Page): { read: () => Promise<string[]> } {
  const pending: Array<Promise<string>> = [];
  page.on('response', (response: Response) => {
    if (new URL(response.url()).pathname.startsWith('/graphql')) pending.push(response.text().catch(() => ''));
  });
  return { read: () => Promise.all(pending) };
}

/** Messages the browser logged about the Content-Security-Policy blocking something. */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** The error message shown for a form control (through its aria-describedby). */
export async function errorFor(page: Page, label: string | RegExp): Promise<string> {
  const control = page.getByLabel(label, { exact: typeof label === 'string' });
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.includes('error'));
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}

export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * Posts a document to /graphql as a demo person (by alias: `agent`, `manager`, `customer`…), as
 * any client of the gateway could: for what a test sets up or checks outside the page.
 */
export function graphqlAs(request: APIRequestContext) {
  return async (who: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLAnswer> => {
    const minted = await request.post('/console/dev-token', { data: { who }, headers: { 'x-warden-csrf': '1' } });
    const { token } = (await minted.json()) as { token: string };
    const response = await request.post('/graphql', { data: { query, variables }, headers: { authorization: `Bearer ${token}`, 'x-warden-csrf': '1', ...headers } });
    return (await response.json()) as GraphQLAnswer;
  };
}
