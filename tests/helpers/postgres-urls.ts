/** The same server, another database name. */
export function databaseUrlWithName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Where CREATE/DROP DATABASE is issued: the `postgres` database of the same server. */
export function adminUrl(url: string): string {
  return databaseUrlWithName(url, "postgres");
}
