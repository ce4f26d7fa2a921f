import next from "eslint-config-next";

/** Next's recommended rules, plus the project's guard rails. */
const config = [
  { ignores: ["lib/generated/**", ".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...next,
  {
    rules: {
      // Prisma clients are built in lib/db only; everything else goes through lib/db's API.
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/generated/prisma/client", "**/generated/prisma/client"], message: "Use lib/db (primary(), reader(), tenant-scoped ctx.db) instead of constructing Prisma clients." },
          ],
        },
      ],
      "no-console": "error",
    },
  },
  {
    files: ["lib/db/**", "scripts/**", "tests/**", "bench/**", "prisma/**"],
    rules: { "no-restricted-imports": "off", "no-console": "off" },
  },
];
export default config;
