// Flat config for `npm run lint` (kept here so the top level stays as the product owner asked).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Who may see and do what is answered by the guardian (app/auth/guardian.server.ts), nowhere else.
const roleChecks = [
  {
    selector: "MemberExpression[property.name='kind']:matches([object.name='actor'], [object.property.name='actor'])",
    message: "Ask the guardian (context.guardian.member, .memberId) instead of looking at the actor's kind.",
  },
  {
    selector: "BinaryExpression:matches([left.property.name='kind'][right.value=/^(member|anonymous)$/], [right.property.name='kind'][left.value=/^(member|anonymous)$/])",
    message: "Ask the guardian (context.guardian.member) instead of comparing an actor's kind.",
  },
  {
    selector:
      "BinaryExpression[operator=/^[!=]==?$/]:matches([left.name=/^(role|siteRole|site_role)$/], [left.property.name=/^(role|siteRole|site_role)$/], [right.name=/^(role|siteRole|site_role)$/], [right.property.name=/^(role|siteRole|site_role)$/])",
    message: "Role checks belong in app/auth/policy.ts; ask the guardian (canModerate, canManageEvents…).",
  },
  {
    selector: "Identifier[name=/^(isSiteAdmin|isMember)$/]",
    message: "Ask the guardian what the person may do (canModerateSite, member…), not who they are.",
  },
];

const queryBuilding = [
  {
    selector:
      "CallExpression > MemberExpression.callee[property.name=/^(selectFrom|selectNoFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|with|withRecursive|transaction|executeQuery)$/]",
    message: "Routes do not build queries: call one domain function (a page loader such as loadThreadPage, a query or a command).",
  },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: "Routes do not build queries: call one domain function." },
];

const dbImports = {
  group: ["**/db/*", "**/db/index", "../db", "../../db"],
  message: "Only .server.ts files (and db/, tests/) may import db/.",
  allowTypeImports: true,
};


export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "node_modules/**", "data/**", "tests/.tmp/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [dbImports],
        },
      ],
    },
  },
  {
    // Where the database may be imported: server modules, the db folder itself, tests.
    files: ["**/*.server.ts", "db/**", "tests/**", "migrations/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["migrations/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Routes: parse, call one domain function, respond; permissions come from the guardian.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-syntax": ["error", ...queryBuilding, ...roleChecks],
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "kysely", message: "Routes do not build queries: call one domain function.", allowTypeImports: true }],
          patterns: [
            dbImports,
            { group: ["**/auth/policy"], message: "Ask context.guardian; the pure rules stay behind it.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ["app/components/**"],
    rules: {
      "no-restricted-syntax": ["error", ...roleChecks],
      "no-restricted-imports": [
        "error",
        { patterns: [dbImports, { group: ["**/auth/policy"], message: "Components get what the guardian answered from their loader.", allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ["app/domain/**", "app/root.tsx", "app/http/**", "app/lib/**", "app/i18n/**"],
    rules: { "no-restricted-syntax": ["error", ...roleChecks] },
  },
);
