import type { HeadersFunction } from "@remix-run/node";

const PASSED_ON = ["retry-after", "cache-control", "referrer-policy"];

/**
 * Remix builds a document response's headers only from `headers` exports, so
 * a rejected form's Retry-After (429) or a Set-Cookie from a non-redirect
 * action would be dropped. Routes with actions re-export this.
 */
export const formRouteHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders }) => {
  const headers = new Headers();
  for (const source of [loaderHeaders, actionHeaders]) {
    for (const name of PASSED_ON) {
      const value = source.get(name);
      if (value) headers.set(name, value);
    }
    for (const cookie of source.getSetCookie()) headers.append("Set-Cookie", cookie);
  }
  return headers;
};
