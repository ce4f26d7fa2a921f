import path from "node:path";
import { defineConfig } from "prisma/config";

// The URL is only for Prisma CLI commands that talk to a database; the app connects through
// lib/db with @prisma/adapter-mariadb, and migrations are applied by scripts/migrate.ts.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  datasource: { url: process.env.DATABASE_URL ?? "mysql://root@127.0.0.1:3306/replyflow" },
});
