import { clients, disconnectClients, type BaseClient } from "./internal/clients";

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

export const disconnectDb = disconnectClients;
export type { BaseClient };
