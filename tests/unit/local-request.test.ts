import { describe, expect, it } from "vitest";
import { isDirectLocalRequest, isLoopbackAddress } from "../../app/lib/local-request.server";

const request = (headers: Record<string, string> = {}) => new Request("http://localhost/dev/mail", { headers });

describe("a request straight from this machine", () => {
  it("comes from a loopback address", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ["10.0.0.1", "::ffff:10.0.0.1", "203.0.113.9", "", "127.0.0.1.example", "fe80::1"]) expect(isLoopbackAddress(address), address).toBe(false);
  });

  it("counts only when no proxy is trusted (else the address is a header's word) and nothing was forwarded", () => {
    const direct = { clientIp: "127.0.0.1", config: { TRUST_PROXY: [] } };
    expect(isDirectLocalRequest(request(), direct)).toBe(true);
    expect(isDirectLocalRequest(request(), { ...direct, config: { TRUST_PROXY: ["loopback"] } })).toBe(false);
    expect(isDirectLocalRequest(request(), { ...direct, clientIp: "192.0.2.4" })).toBe(false);
    for (const header of ["x-forwarded-for", "x-real-ip", "forwarded", "via"]) {
      expect(isDirectLocalRequest(request({ [header]: "203.0.113.9" }), direct), header).toBe(false);
    }
  });
});
