import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    errorMap: () => ({ message: "must be true or false" }),
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

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
  TRUST_PROXY: booleanFlag.default("false"),
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
