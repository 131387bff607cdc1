import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrations } from "../../migrations/index";

describe("migrations", () => {
  const folder = path.resolve(import.meta.dirname, "../../migrations");
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .map((f) => f.replace(/\.ts$/, ""));

  it("are all listed in migrations/index.ts, in time order", () => {
    expect(Object.keys(migrations)).toEqual([...files].sort());
  });

  it("have timestamped names", () => {
    for (const name of files) expect(name).toMatch(/^\d{8}T\d{4}_[a-z0-9_]+$/);
  });
});

describe("migration files", () => {
  it("never import app code (only kysely)", async () => {
    const { readFileSync } = await import("node:fs");
    const folder = path.resolve(import.meta.dirname, "../../migrations");
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts") && f !== "index.ts")) {
      const source = readFileSync(path.join(folder, file), "utf8");
      const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      expect(imports.filter((i) => i !== "kysely"), file).toEqual([]);
    }
  });
});
