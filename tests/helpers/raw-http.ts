import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request exactly as given: any method, any `Host`, an undecodable
 * path. `fetch` cannot send these (it normalises the URL and forbids `Host`),
 * and they are what an attacker sends.
 */
export function rawRequest(
  baseUrl: string,
  {
    method = "GET",
    path = "/",
    headers = {},
    body,
    timeoutMs = 20_000,
  }: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number },
): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        // Our own Host unless the caller names another: Node would otherwise send "localhost:port" anyway.
        headers: { host: base.host, ...headers },
        setHost: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    // A server that never answers is a finding, not a hung test.
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms: ${method} ${path.slice(0, 100)}`));
    }, timeoutMs);
    request.on("close", () => clearTimeout(timer));
    if (body !== undefined) request.write(body);
    request.end();
  });
}
