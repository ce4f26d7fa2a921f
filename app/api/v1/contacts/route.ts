import { listContacts } from "@/lib/contacts/list-contacts";
import { ZListContactsQuery } from "@/lib/contacts/schemas";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/contacts[?q=@prefix&tag=&window=open|closed&accountId=&optedOut=] – most recently active first
export const GET = withTenantApi({ permission: "contacts.read", query: ZListContactsQuery }, async (ctx, { query }) => listContacts(ctx, query));
