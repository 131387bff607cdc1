import { isIP } from "node:net";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    errorMap: () => ({ message: "must be true or false" }),
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const NAMED_PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(item: string): boolean {
  if (["true", "false", "1", "0", "yes", "no"].includes(item) || NAMED_PROXY_RANGES.has(item)) return true;
  const [address = "", bits, ...rest] = item.split("/");
  if (rest.length > 0 || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce
    .number({ invalid_type_error: "must be a port number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 100")
    .max(100, "must be between 1 and 100")
    .default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  PUBLIC_URL: z
    .string()
    .url("must be a full URL such as https://forum.example.nl")
    .refine((u) => /^https?:\/\//.test(u), "must start with http:// or https://")
    .optional(),
  /**
   * Which reverse proxies may set X-Forwarded-For/-Proto: `false` (none), or
   * their addresses (IPs, CIDR ranges, `loopback`, `linklocal`, `uniquelocal`).
   * `true` means a proxy on this machine (`loopback`): a client that reaches
   * the port directly can never choose its own IP.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value) => value.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))
    .refine((items) => items.length > 0 && items.every(isProxyAddress), {
      message: "must be false, true (a proxy on this machine) or the proxies' addresses (IP, CIDR, loopback, linklocal, uniquelocal), comma-separated",
    })
    .transform((items): string[] => {
      if (items.length === 1 && ["false", "0", "no"].includes(items[0]!)) return [];
      return items.map((item) => (["true", "1", "yes"].includes(item) ? "loopback" : item));
    }),
  /**
   * Host names (with port when not 80/443) the forum answers to besides
   * PUBLIC_URL's and this machine's loopback names; any other Host gets 421.
   */
  ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((item) => item.trim().toLowerCase()).filter(Boolean))
    .refine((items) => items.every((item) => /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(item)), {
      message: "must be host names such as forum.internal or 10.0.0.5:3000, comma-separated",
    }),
  LOG_REQUESTS: booleanFlag.default("true"),
  SEED_DEMO: booleanFlag.optional(),
  /** Web worker processes (PostgreSQL only; the embedded database lives in one process). */
  WEB_CONCURRENCY: z
    .union([z.literal("auto"), z.coerce.number({ invalid_type_error: "must be a number or auto" }).int("must be a whole number").min(1, "must be between 1 and 64").max(64, "must be between 1 and 64")])
    .default(1),
  /** New members: for this many days (0: off), at most so many threads a day and links and mentions per post, unless a host trusts them. */
  NEW_MEMBER_DAYS: z.coerce.number({ invalid_type_error: "must be a number of days" }).int("must be a whole number").min(0, "must be between 0 and 365").max(365, "must be between 0 and 365").default(3),
  NEW_MEMBER_THREADS_PER_DAY: z.coerce.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(1, "must be between 1 and 1000").max(1000, "must be between 1 and 1000").default(3),
  NEW_MEMBER_LINKS_PER_POST: z.coerce.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(0, "must be between 0 and 1000").max(1000, "must be between 0 and 1000").default(2),
  NEW_MEMBER_MENTIONS_PER_POST: z.coerce.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(0, "must be between 0 and 1000").max(1000, "must be between 0 and 1000").default(3),
  /** Uploads (issue 15): bytes per file, files per post, bytes per member per day; new members (NEW_MEMBER_DAYS) get the lower NEW_MEMBER_* ones. */
  UPLOAD_MAX_FILE_BYTES: z.coerce.number({ invalid_type_error: "must be a number of bytes" }).int("must be a whole number").min(1024, "must be between 1024 and 104857600").max(104_857_600, "must be between 1024 and 104857600").default(10 * 1024 * 1024),
  UPLOAD_FILES_PER_POST: z.coerce.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(0, "must be between 0 and 50").max(50, "must be between 0 and 50").default(10),
  UPLOAD_BYTES_PER_DAY: z.coerce.number({ invalid_type_error: "must be a number of bytes" }).int("must be a whole number").min(0, "must be between 0 and 10737418240").max(10_737_418_240, "must be between 0 and 10737418240").default(200 * 1024 * 1024),
  NEW_MEMBER_FILES_PER_POST: z.coerce.number({ invalid_type_error: "must be a number" }).int("must be a whole number").min(0, "must be between 0 and 50").max(50, "must be between 0 and 50").default(3),
  NEW_MEMBER_UPLOAD_BYTES_PER_DAY: z.coerce.number({ invalid_type_error: "must be a number of bytes" }).int("must be a whole number").min(0, "must be between 0 and 10737418240").max(10_737_418_240, "must be between 0 and 10737418240").default(20 * 1024 * 1024),
  /** Reports from this many trusted members hide a post until a host reviews it. */
  REPORT_HIDE_THRESHOLD: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 100")
    .max(100, "must be between 1 and 100")
    .default(3),
  /** How long visitors' pages are kept (0 turns the cache off); writes empty it at once. */
  PAGE_CACHE_SECONDS: z.coerce
    .number({ invalid_type_error: "must be a number of seconds" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 600")
    .max(600, "must be between 0 and 600")
    .default(10),
  EMAIL_API_URL: z.string().url("must be a full URL of the email API").optional(),
  EMAIL_API_KEY: z.string().optional(),
  EMAIL_FROM: z.string().min(3).default("Goed Werk Netwerk <forum@goedwerknetwerk.example>"),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Parses the environment; the error names every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable counts as unset, as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}
