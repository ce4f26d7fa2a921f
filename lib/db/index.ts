import { Prisma } from "@/lib/generated/prisma/client";
import { clients, disconnectClients, type BaseClient } from "./internal/clients";
import { scopedClient, type TenantDb } from "./tenant-scope";

/**
 * Database access. Writes and read-after-write go to `primary()`; reads that may be a little
 * stale (lists, dashboards, analytics) deliberately ask for `reader()`, which picks a replica
 * and falls back to the primary when none is configured. Tenant-scoped clients are built on
 * top of these by the tenancy wrappers; nothing else constructs a client.
 */
export function primary(): BaseClient {
  return clients().primary;
}

let next = 0;
export function reader(): BaseClient {
  const { primary: p, replicas } = clients();
  if (replicas.length === 0) return p;
  next = (next + 1) % replicas.length;
  return replicas[next] ?? p;
}

/**
 * A tenant's clients: `db` on the primary (the default), `read` on a replica for lag-tolerant
 * reads. The tenancy wrappers (lib/tenancy) are the ones that call this, with a resolved tenant.
 */
export function getDb(tenantId: string): { db: TenantDb; read: TenantDb } {
  return { db: scopedClient(primary(), tenantId), read: scopedClient(reader(), tenantId) };
}

/** A unique constraint rejected the write (Prisma P2002): a duplicate, usually a conflict for the caller. */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

/**
 * A transaction lost a write conflict or deadlock (Prisma P2034) — two concurrent changes to
 * the same rows under Serializable isolation; safe for the caller to retry.
 */
export function isTransactionConflict(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2034";
}

export const disconnectDb = disconnectClients;
export type { BaseClient, TenantDb };
export type { Role } from "@/lib/generated/prisma/client";
