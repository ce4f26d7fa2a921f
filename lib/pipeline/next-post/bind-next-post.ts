import { invalidateAutomations } from "../automations/invalidate-automations";
import { TENANT, tenantSql } from "../sql/tenant-sql";

/**
 * Attaches a next-post automation to the post it just met, once: the UPDATE only lands while
 * the trigger is still an unbound next-post trigger, so of two events racing on two new posts
 * exactly one binds. Bumps `version` (an editor holding the old version gets a conflict instead
 * of overwriting the binding) and drops every worker's cached automations. True = this call bound it.
 */
export async function bindNextPost(i: { tenantId: string; accountId: string; automationId: string; mediaId: string }): Promise<boolean> {
  const affected = await tenantSql(i.tenantId).execute`
    UPDATE Automation
       SET \`trigger\` = JSON_SET(\`trigger\`, '$.posts.boundMediaId', ${i.mediaId}), version = version + 1, updatedAt = NOW(3)
     WHERE tenantId = ${TENANT} AND id = ${i.automationId} AND deletedAt IS NULL
       AND JSON_UNQUOTE(JSON_EXTRACT(\`trigger\`, '$.posts.mode')) = 'next_post'
       AND JSON_EXTRACT(\`trigger\`, '$.posts.boundMediaId') IS NULL`;
  // Also when another event bound it first: that event may not have dropped the cache yet, and
  // the caller is about to reload the rows.
  await invalidateAutomations(i.accountId);
  return affected > 0;
}
