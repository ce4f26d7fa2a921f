import { describe, expect, it } from "vitest";
import { loadDmmf } from "@/lib/db/schema/expected-schema";
import { SHARED_READ_MODELS, TENANT_MODELS, TENANT_ROOT_MODEL, UNSCOPED_MODELS } from "@/lib/db/tenant-scope";

// Derived from prisma/schema.prisma itself: a model added with a tenantId column but not to
// the extension's list would be readable across tenants, so this fails and names it.
const models = loadDmmf().datamodel.models;
const withRequiredTenant = models.filter((m) => m.fields.some((f) => f.name === "tenantId" && f.isRequired)).map((m) => m.name);

describe("tenant-scope coverage of the schema", () => {
  it("covers every model whose rows belong to a tenant", () => {
    const missing = withRequiredTenant.filter((m) => !(TENANT_MODELS as readonly string[]).includes(m));
    expect(missing, `models with tenantId missing from TENANT_MODELS (lib/db/tenant-scope.ts)`).toEqual([]);
  });

  it("lists only real tenant-owned models", () => {
    const wrong = TENANT_MODELS.filter((m) => !withRequiredTenant.includes(m));
    expect(wrong, "TENANT_MODELS entries that are not tenant-owned models").toEqual([]);
  });

  it("classifies every model exactly once, so a new global model is a conscious decision", () => {
    const classified = [...TENANT_MODELS, TENANT_ROOT_MODEL, ...SHARED_READ_MODELS, ...UNSCOPED_MODELS];
    expect(new Set(classified).size).toBe(classified.length);
    expect([...classified].sort()).toEqual(models.map((m) => m.name).sort());
  });
});
