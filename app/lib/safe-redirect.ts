/**
 * Accepts only same-origin paths as redirect targets (README, "Security"): one
 * leading slash, not `//` or `/\`, no control characters. Anything else → `/`.
 */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return fallback;
  if (!target.startsWith("/")) return fallback;
  if (target.startsWith("//") || target.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(target)) return fallback;
  if (target.includes("\\")) return fallback;
  return target;
}
