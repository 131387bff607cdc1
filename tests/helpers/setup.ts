import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, vi, type MockInstance } from "vitest";
import { handlers } from "../msw/handlers";

// Outside HTTP calls fail the test; our own servers on loopback pass through.
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);
export const mswServer = setupServer(...handlers);

beforeAll(() => {
  mswServer.listen({
    onUnhandledRequest(request, print) {
      if (LOOPBACK.has(new URL(request.url).hostname)) return;
      print.error();
      throw new Error(`Unexpected outside HTTP call: ${request.method} ${request.url}`);
    },
  });
});
afterEach(() => mswServer.resetHandlers());
afterAll(() => mswServer.close());

// An unexpected console.error fails the test: a warning nobody reads is a bug nobody fixes.
let consoleError: MockInstance<typeof console.error>;
let expectedErrors = 0;

/** Declares that the current test expects `count` console.error calls. */
export function expectConsoleErrors(count = 1): void {
  expectedErrors += count;
  consoleError.mockImplementation(() => undefined);
}

beforeEach(() => {
  expectedErrors = 0;
  consoleError = vi.spyOn(console, "error");
});

afterEach(() => {
  const calls = consoleError.mock.calls;
  consoleError.mockRestore();
  if (expectedErrors === 0 && calls.length > 0) {
    throw new Error(`Unexpected console.error:\n${calls.map((c) => c.map(String).join(" ")).join("\n")}`);
  }
});
