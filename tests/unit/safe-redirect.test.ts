import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/lib/safe-redirect";

describe("redirect targets", () => {
  it("keeps same-origin paths", () => {
    expect(safeRedirectPath("/p/goed-werk?x=1#top")).toBe("/p/goed-werk?x=1#top");
    expect(safeRedirectPath("/")).toBe("/");
  });

  it.each([
    ["//evil.example/x"],
    ["/\\evil.example"],
    ["https://evil.example/"],
    ["javascript:alert(1)"],
    ["p/relative"],
    ["/ok\nSet-Cookie: x=y"],
    ["/tab\there"],
    [""],
    [undefined],
    [42],
  ])("sends %j home", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });
});
