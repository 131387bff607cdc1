import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../app/lib/env.server";

describe("configuration", () => {
  it("has working defaults: port 3000, embedded database in ./data", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toBe("./data");
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.WEB_CONCURRENCY).toBe(1);
    expect(config.PAGE_CACHE_SECONDS).toBe(10);
  });

  it("takes a number of web processes or auto", () => {
    expect(loadConfig({ WEB_CONCURRENCY: "auto" }).WEB_CONCURRENCY).toBe("auto");
    expect(loadConfig({ WEB_CONCURRENCY: "2" }).WEB_CONCURRENCY).toBe(2);
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
    [{ PUBLIC_URL: "forum.example.nl" }, "PUBLIC_URL"],
    [{ TRUST_PROXY: "maybe" }, "TRUST_PROXY"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ WEB_CONCURRENCY: "0" }, "WEB_CONCURRENCY"],
    [{ WEB_CONCURRENCY: "many" }, "WEB_CONCURRENCY"],
    [{ PAGE_CACHE_SECONDS: "-1" }, "PAGE_CACHE_SECONDS"],
  ])("refuses %j with a message naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration:\\n\\s+${name}:`));
  });
});
