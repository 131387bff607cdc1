/**
 * Emailed links carry a secret token in the URL. The page that receives one
 * (served with Referrer-Policy: no-referrer) moves the token into a short-lived
 * HttpOnly cookie scoped to that page and redirects to the same page without
 * it. The token then never sits in history or a Referer, and the form on the
 * clean page posts with a real Origin (a no-referrer page would send
 * `Origin: null`, which the cross-site guard refuses).
 */
export function stashTokenCookie(name: string, path: string, value: string, secure: boolean): string {
  return `${name}=${encodeURIComponent(value)}; Path=${path}; Max-Age=3600; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function clearTokenCookie(name: string, path: string, secure: boolean): string {
  return `${name}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function readTokenCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    try {
      const value = decodeURIComponent(part.slice(eq + 1).trim());
      return value.length > 0 && value.length <= 300 ? value : null;
    } catch {
      return null;
    }
  }
  return null;
}
