import { getContact } from "@/lib/contacts/get-contact";
import { ZContactId, ZUpdateContact } from "@/lib/contacts/schemas";
import { updateContact } from "@/lib/contacts/update-contact";
import { withTenantApi } from "@/lib/tenancy/with-tenant-api";

// GET /api/v1/contacts/{contactId} – with their latest runs and messages
export const GET = withTenantApi({ permission: "contacts.read", params: ZContactId }, async (ctx, { params }) => getContact(ctx, params.contactId));

// PATCH /api/v1/contacts/{contactId} – tags (replace, or addTags/removeTags) and opted-out
export const PATCH = withTenantApi({ permission: "contacts.write", params: ZContactId, body: ZUpdateContact }, async (ctx, { params, body }) =>
  updateContact(ctx, params.contactId, body),
);
