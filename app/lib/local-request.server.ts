import type { Config } from "./env.server";

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return plain === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(plain);
}

/**
 * Whether a request came straight from this machine. Only when no proxy is
 * trusted is the client address the socket's own (with TRUST_PROXY it comes
 * from a header anyone can write), and a request carrying forwarding headers
 * came through a proxy on this machine, so it is from elsewhere after all.
 */
export function isDirectLocalRequest(request: Request, context: { clientIp: string; config: Pick<Config, "TRUST_PROXY"> }): boolean {
  // TRUST_PROXY is the list of trusted proxies (empty: none).
  if (context.config.TRUST_PROXY.length > 0) return false;
  for (const header of ["forwarded", "x-forwarded-for", "x-real-ip", "via"]) {
    if (request.headers.has(header)) return false;
  }
  return isLoopbackAddress(context.clientIp);
}
