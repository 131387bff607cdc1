/** A browser-like HTTP client for integration tests: keeps cookies, sends same-origin form posts. */
export function createClient(baseUrl: string, defaultHeaders: Record<string, string> = {}) {
  const cookies = new Map<string, string>();

  function remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /Max-Age=0/i.test(header)) cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");

  async function request(path: string, init: RequestInit = {}) {
    const headers = new Headers({ ...defaultHeaders, ...(init.headers as Record<string, string>) });
    if (cookies.size > 0) headers.set("cookie", cookieHeader());
    const response = await fetch(baseUrl + path, { ...init, headers, redirect: "manual" });
    remember(response);
    return response;
  }

  return {
    cookies,
    get: (path: string, headers: Record<string, string> = {}) => request(path, { headers }),
    post: (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      request(path, {
        method: "POST",
        headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
    /** Signs in through the real form; returns the response. */
    signIn: (identifier: string, password: string) => request("/login", {
      method: "POST",
      headers: { origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ identifier, password, redirectTo: "/" }).toString(),
    }),
  };
}

/** Text of a page without tags, for asserting what a person would read. */
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

export function linksIn(text: string, path: string): string[] {
  return [...text.matchAll(new RegExp(`https?://[^\\s"<]+${path.replace(/[?]/g, "\\?")}[^\\s"<]*`, "g"))].map((m) =>
    m[0].replace(/&amp;/g, "&"),
  );
}
