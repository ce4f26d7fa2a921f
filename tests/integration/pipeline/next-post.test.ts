import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { primary } from "@/lib/db";
import type { Simulator } from "@/lib/simulator";
import { useTestDatabase } from "../../helpers/isolation";
import { connectAccount, createAutomation, graphEnv, seedWorkspace, startIngest, startSim, startWorker, stop, waitFor, type Proc } from "./harness";

const IG = "17841400000000301";

/**
 * "Comment on the next post published": the automation ignores posts that existed before it was
 * switched on, attaches itself to the first newer post that gets a matching comment (asking
 * Graph for the post's publish time, since webhooks carry only its id), and from then on
 * answers only there.
 */
describe("a next-post automation", () => {
  let sim: Simulator;
  let ingest: Proc;
  let worker: Proc;
  let tenantId: string;
  let automationId: string;
  let oldPost: string;

  beforeAll(async () => {
    await useTestDatabase();
    ingest = await startIngest();
    sim = await startSim(ingest.url);
    tenantId = (await seedWorkspace("next-post")).id;
    const connected = await connectAccount(sim, tenantId, IG, "bakery");
    oldPost = sim.admin.createMedia({ accountId: IG, caption: "last week's post" }).id;
    await new Promise((r) => setTimeout(r, 20)); // the automation is switched on strictly after that post
    const automation = await createAutomation(tenantId, connected.row.id, "Next post", {
      trigger: { type: "comment", posts: { mode: "next_post", armedAt: Date.now() } },
      conditions: { keywords: { mode: "contains_word", values: ["recipe"] } },
      actions: [{ type: "public_reply", variants: ["Sent you the recipe, {{username}}!"] }],
    });
    automationId = automation.id;
    worker = await startWorker(graphEnv(sim));
  });

  afterAll(async () => {
    await Promise.all([stop(worker), stop(ingest)]);
    await sim?.close();
  });

  async function runFor(commentId: string) {
    return waitFor(
      async () => {
        const event = await primary().webhookEvent.findFirst({ where: { tenantId, dedupeKey: { contains: commentId } }, select: { id: true } });
        return event ? primary().automationRun.findFirst({ where: { tenantId, webhookEventId: event.id, automationId } }) : undefined;
      },
      { what: `run for ${commentId}` },
    );
  }

  it("ignores posts published before it was switched on", async () => {
    const { commentId } = sim.admin.act({ type: "comment", accountId: IG, mediaId: oldPost, username: "ana", text: "recipe please" });
    const run = await runFor(commentId!);
    expect(run).toMatchObject({ outcome: "skipped", reason: "Next-post automation waits for a newer post" });
    expect(sim.state.sends.count({ commentId, kind: "comment_reply" })).toBe(0);
  });

  it("attaches to the first newer post with a matching comment, and answers only there afterwards", async () => {
    const newPost = sim.admin.createMedia({ accountId: IG, caption: "today's bread" }).id;
    const otherNewPost = sim.admin.createMedia({ accountId: IG, caption: "and a cake" }).id;

    // A comment without the keyword does not claim the post.
    const first = sim.admin.act({ type: "comment", accountId: IG, mediaId: otherNewPost, username: "ben", text: "looks great" });
    expect((await runFor(first.commentId!)).outcome).toBe("skipped");

    const hit = sim.admin.act({ type: "comment", accountId: IG, mediaId: newPost, username: "cleo", text: "Recipe?" });
    expect((await runFor(hit.commentId!)).outcome).toBe("matched");
    await waitFor(async () => sim.state.sends.count({ commentId: hit.commentId, kind: "comment_reply" }) === 1 || undefined, { what: "public reply sent" });

    const stored = await primary().automation.findFirstOrThrow({ where: { tenantId, id: automationId } });
    expect(stored.trigger).toMatchObject({ posts: { mode: "next_post", boundMediaId: newPost } });
    expect(stored.version).toBe(2);

    // The other new post no longer qualifies, even with the keyword…
    const elsewhere = sim.admin.act({ type: "comment", accountId: IG, mediaId: otherNewPost, username: "dan", text: "recipe" });
    expect(await runFor(elsewhere.commentId!)).toMatchObject({ outcome: "skipped", reason: "Next-post automation is attached to a different post" });
    // …while the attached post keeps answering.
    const again = sim.admin.act({ type: "comment", accountId: IG, mediaId: newPost, username: "eve", text: "recipe pls" });
    expect((await runFor(again.commentId!)).outcome).toBe("matched");
    await waitFor(async () => sim.state.sends.count({ commentId: again.commentId, kind: "comment_reply" }) === 1 || undefined, { what: "second public reply sent" });
    expect(sim.state.sends.count({ commentId: elsewhere.commentId, kind: "comment_reply" })).toBe(0);
  });
});
