import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startServerProcess, type ServerProcess } from "./server-process";

/** Debian's Chromium (or CHROMIUM_PATH); browser downloads are not used. */
export function findChromium(): { path: string } | { missing: string } {
  const candidate = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(candidate)) return { path: candidate };
  const reason = `no Chromium at ${candidate} (install Debian's chromium package or set CHROMIUM_PATH)`;
  if (process.env.CI === "true" || process.env.CI === "1") {
    throw new Error(`Browser tests cannot run in CI: ${reason}`);
  }
  console.warn(`Skipping browser tests: ${reason}`);
  return { missing: reason };
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: "nl-NL", ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  return { page, errors };
}

/** Signs a demo member in through the sign-in form (any page language), then waits for the home page. */
export async function signIn(page: Page, base: string, username: string, password = "goedwerk-demo"): Promise<void> {
  await page.goto(`${base}/login`);
  await page.locator('input[name="identifier"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('main button[type="submit"]').first().click();
  await page.waitForURL(`${base}/`);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Serious and critical accessibility violations (WCAG 2.x A/AA) on the current page. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/**
 * Inside a describe: starts the built server (fresh database, demo content)
 * and Chromium before the tests, stops both after. Read `.server` and
 * `.browser` inside tests.
 */
export function useServerAndBrowser(chromiumPath: string) {
  const env = {} as { server: ServerProcess; browser: Browser };
  beforeAll(async () => {
    env.server = await startServerProcess({ LOG_REQUESTS: "false" });
    env.browser = await launchChromium(chromiumPath);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
