import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The repository explains itself: a file named in a comment or in the README
 * is a file in this repository, and nothing points to documents that live
 * elsewhere.
 */
const root = join(import.meta.dirname, "..", "..");
const FOLDERS = ["app", "db", "migrations", "tests", ".ci"];
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

function sourceFiles(folder: string): string[] {
  const full = join(root, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const path = join(full, name);
    if (statSync(path).isDirectory()) return name === "node_modules" || name === ".tmp" ? [] : sourceFiles(relative(root, path));
    return SOURCE.test(name) || folder === ".ci" ? [relative(root, path)] : [];
  });
}

/** Comments of a source file (line and block), roughly: enough to find the paths they name. */
function commentsOf(text: string): string {
  return [...text.matchAll(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g)].map((m) => m[0]).join("\n");
}

// A repository path: starts at a top-level folder and ends in a file name with an extension.
const PATH = /(?<![\w./-])((?:app|db|migrations|tests|public|\.ci)\/[\w.$()[\]/-]*\.[a-z]{2,4})(?![\w/])/g;
const FOREIGN_DOCUMENT = /\b(?!README\.md\b)[\w-]+\.md\b/g;

function namedPaths(text: string): string[] {
  return [...text.matchAll(PATH)].map((m) => m[1]!.replace(/[.,:;)]+$/, ""));
}

describe("references in comments and the README", () => {
  const files = FOLDERS.flatMap(sourceFiles);

  it("finds the source files it checks", () => {
    expect(files).toContain("app/root.tsx");
  });

  it("every file a comment names exists", () => {
    const named = files.flatMap((file) => namedPaths(commentsOf(readFileSync(join(root, file), "utf8"))).map((path) => ({ file, path })));
    expect(named.length).toBeGreaterThan(3);
    const missing = named.filter(({ path }) => !existsSync(join(root, path))).map(({ file, path }) => `${file} names ${path}`);
    expect(missing).toEqual([]);
  });

  it("no comment points to a document outside the repository", () => {
    const foreign = files.flatMap((file) =>
      [...commentsOf(readFileSync(join(root, file), "utf8")).matchAll(FOREIGN_DOCUMENT)]
        .map((m) => m[0])
        .filter((name) => !existsSync(join(root, "tests", "bench", name)))
        .map((name) => `${file} points to ${name}`),
    );
    expect(foreign).toEqual([]);
  });

  it("every file the README names exists", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(namedPaths(readme).length).toBeGreaterThan(10);
    const missing = namedPaths(readme).filter((path) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });
});
