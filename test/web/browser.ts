/**
 * Browser helpers for the web application's end-to-end tests: Debian's chromium driven by playwright-core (no browser
 * download), one fresh browser context per signed-in person, axe-core injected into every page checked, and
 * screenshots kept under .local/test-results/screenshots (test artefacts, not in git).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { eventually } from '@enforcement/platform/testing/stack-env';

export const SCREENSHOTS = join(__dirname, '../../.local/test-results/screenshots');

/** Debian's package installs it here (infra/local/os-packages); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // --no-sandbox: the tests run as root on our machines, where chromium refuses its sandbox.
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: unknown[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One signed-in person's tab: the page, CSP violations seen, and accessibility problems found so far. */
export class Person {
  readonly cspViolations: string[] = [];
  readonly accessibility: { page: string; violations: AxeViolation[] }[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
  ) {
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) this.cspViolations.push(msg.text());
    });
  }

  /** A new tab with nobody signed in (the public portal, the sign-in page); `options` e.g. another time zone. */
  static async anonymous(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Person> {
    // Reduced motion, as a person who asks for it gets: Element Plus fades tags in, and a tag that a page's own refresh
    // renders while axe runs would be judged half-transparent (a false contrast failure seen in a fresh-clone run).
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      reducedMotion: 'reduce',
      ...options,
    });
    // A page load took 66 s on the shared 2-core machine at load 40 (sign-in page, measured 2026-12-03): the default
    // 30 s failed every navigation there. Waiting longer costs nothing when the page comes sooner.
    context.setDefaultNavigationTimeout(120_000);
    context.setDefaultTimeout(60_000);
    return new Person(context, await context.newPage(), baseUrl);
  }

  /** Signs in through the local sign-in page by choosing the demo user, as a person would. */
  static async signedIn(
    browser: Browser,
    baseUrl: string,
    userId: string,
    options: BrowserContextOptions = {},
  ): Promise<Person> {
    const person = await Person.anonymous(browser, baseUrl, options);
    await person.goto('/sign-in');
    await person.page.getByTestId(`sign-in-${userId}`).click();
    await person.page.waitForURL(/\/tasks$/);
    return person;
  }

  /**
   * Signs in with a token the agency's identity provider would issue (here the test stack's issuer), for people who
   * are not among the demo users: the app keeps the session in this tab's sessionStorage as it does after sign-in.
   */
  static async withToken(
    browser: Browser,
    baseUrl: string,
    token: string,
    actor: object,
    options: BrowserContextOptions = {},
  ): Promise<Person> {
    const person = await Person.anonymous(browser, baseUrl, options);
    const session = JSON.stringify({ token, actor, expiresAt: Date.now() + 600_000 });
    await person.context.addInitScript((value: string) => {
      (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(
        'enforcement.session',
        value,
      );
    }, session);
    return person;
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${path}`);
  }

  /** Fills an input by test id, whether the id sits on the input itself or on its Element Plus wrapper. */
  async fill(testId: string, value: string): Promise<void> {
    const target = this.page.getByTestId(testId);
    const tag = await target.evaluate((el: { tagName: string }) => el.tagName);
    const input = tag === 'INPUT' || tag === 'TEXTAREA' ? target : target.locator('input, textarea').first();
    await input.fill(value);
  }

  /** Runs axe-core on the page as it is now and keeps the serious and critical violations. */
  async checkAccessibility(name: string): Promise<AxeViolation[]> {
    // Element Plus fades alerts and tags in: judge colours once they have settled.
    await this.page.waitForFunction(
      () =>
        (globalThis as unknown as { document: { getAnimations(): unknown[] } }).document.getAnimations().length === 0,
    );
    await this.page.evaluate(axeSource);
    const violations = await this.page.evaluate<AxeViolation[]>(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
        .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length,
          targets: v.nodes.slice(0, 3).map((n) => n.target) })))`,
    );
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    this.accessibility.push({ page: name, violations: serious });
    return serious;
  }

  /** Waits until the inline PDF (a blob: frame shown by Chromium's viewer) has loaded. */
  async waitForPdf(): Promise<void> {
    const frame = await eventually(
      async () => this.page.frames().find((f) => f.url().startsWith('blob:')),
      'the opinion document PDF frame',
    );
    await frame.waitForLoadState('load');
    await this.page.waitForLoadState('networkidle');
  }

  async screenshot(name: string): Promise<void> {
    if ((await this.page.getByTestId('opinion-pdf').count()) > 0) await this.waitForPdf();
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  /** Waits until the review page shows one of the given statuses (it refreshes itself; a reload makes it quicker). */
  async waitForStatus(...statuses: string[]): Promise<string> {
    return eventually(
      async () => {
        const shown = await this.page.getByTestId('review-status').getAttribute('data-status');
        if (shown !== null && statuses.includes(shown)) return shown;
        await this.page.reload();
        await this.page.getByTestId('review-status').waitFor();
        return undefined;
      },
      `the review page to show status ${statuses.join(' or ')}`,
    );
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
