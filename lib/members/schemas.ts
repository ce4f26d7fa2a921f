import { z } from "zod";
import { ZEmail } from "@/lib/auth/schemas";
import { ROLES } from "@/lib/tenancy/permissions";

export const ZRole = z.enum(ROLES);
export const ZChangeMemberRole = z.object({ role: ZRole });
export const ZCreateInvitation = z.object({ email: ZEmail, role: ZRole });

export const ZMemberId = z.object({ memberId: z.string().min(1).max(32) });
export const ZInvitationId = z.object({ invitationId: z.string().min(1).max(32) });
