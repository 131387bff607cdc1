import type { Config } from "../lib/env.server";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The forum's own address (README, "Security"): every
 * absolute URL (emails, canonical links, feeds, sitemaps, calendars) is built
 * from `origin`, which is PUBLIC_URL or, when that is unset, the address the
 * server listens on, never from a request's `Host` or `X-Forwarded-Host`.
 * Requests naming another host are refused before any work (`serves`).
 */
export class SiteAddress {
  private readonly publicUrl: URL | null;
  private readonly extraHosts: string[];
  private port: number;
  private hosts = new Set<string>();

  constructor(config: Pick<Config, "PUBLIC_URL" | "PORT" | "ALLOWED_HOSTS">) {
    this.publicUrl = config.PUBLIC_URL ? new URL(config.PUBLIC_URL) : null;
    this.extraHosts = config.ALLOWED_HOSTS;
    this.port = config.PORT;
    this.rebuild();
  }

  /** The port is known for sure only once the server listens (`PORT=0` picks one). */
  listening(port: number): void {
    this.port = port;
    this.rebuild();
  }

  /** `https://forum.example.nl`, or `http://localhost:3000` without PUBLIC_URL. */
  get origin(): string {
    return this.publicUrl ? this.publicUrl.origin : `http://localhost:${this.port}`;
  }

  /** Whether a request's `Host` header names this forum (case-insensitive, port included). */
  serves(host: string | undefined): boolean {
    return host !== undefined && this.hosts.has(host.toLowerCase());
  }

  private rebuild(): void {
    const hosts = new Set<string>(this.extraHosts);
    if (this.publicUrl) hosts.add(this.publicUrl.host.toLowerCase());
    // The machine itself: a reverse proxy on the same machine often passes its own upstream name.
    for (const name of LOOPBACK_NAMES) {
      hosts.add(`${name}:${this.port}`);
      if (this.port === 80) hosts.add(name);
    }
    this.hosts = hosts;
  }
}
