import type { RequestHandler } from "msw";

/**
 * Outside HTTP services the app talks to (none yet; the email API comes with
 * the accounts issue). Anything not listed here fails the test.
 */
export const handlers: RequestHandler[] = [];
