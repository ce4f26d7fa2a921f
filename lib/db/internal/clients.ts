import { PrismaMariaDb } from "@prisma/adapter-mariadb";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The only place that constructs Prisma clients (enforced by ESLint's no-restricted-imports).
 * One primary and one client per read replica; with no replica configured, reads use the primary.
 */

export type BaseClient = PrismaClient;

function makeClient(url: string, connectionLimit: number): PrismaClient {
  const u = new URL(url);
  const adapter = new PrismaMariaDb({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    connectionLimit,
    // Fail fast when the database is unreachable instead of queueing requests for minutes.
    acquireTimeout: 10_000,
    connectTimeout: 5_000,
    // DATETIME values are UTC throughout Replyflow.
    timezone: "Z",
  });
  return new PrismaClient({ adapter });
}

type Clients = { primary: PrismaClient; replicas: PrismaClient[] };

// Survives Next.js dev hot reloads, which would otherwise open a new pool on every edit.
const store = globalThis as unknown as { __replyflowDb?: Clients };

export function clients(): Clients {
  if (!store.__replyflowDb) {
    const e = env();
    const primary = makeClient(e.DATABASE_URL, e.DATABASE_POOL_SIZE);
    const replicas = e.DATABASE_REPLICA_URLS.map((url) => makeClient(url, e.DATABASE_POOL_SIZE));
    store.__replyflowDb = { primary, replicas };
  }
  return store.__replyflowDb;
}

export async function disconnectClients(): Promise<void> {
  const current = store.__replyflowDb;
  store.__replyflowDb = undefined;
  if (!current) return;
  await Promise.allSettled([current.primary.$disconnect(), ...current.replicas.map((r) => r.$disconnect())]);
}
