import { beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/templates/route";
import * as item from "@/app/api/v1/templates/[templateId]/route";
import { primary } from "@/lib/db";
import { useTestDatabase } from "../../helpers/isolation";
import { call } from "../api/helpers/http";
import { buildTenant, roomyPlan, type TenantFx } from "../api/helpers/world";

let A: TenantFx;
let B: TenantFx;
const key = () => ({ authorization: A.keys.full.auth });
const create = (body: unknown, headers: Record<string, string> = key()) => call(collection, "POST", { path: "/api/v1/templates", headers, body });
const at = (id: string) => ({ path: `/api/v1/templates/${id}`, params: { templateId: id } });

beforeAll(async () => {
  await useTestDatabase();
  const plan = await roomyPlan();
  A = await buildTenant("Alpha", plan);
  B = await buildTenant("Bravo", plan);
});

describe("/api/v1/templates", () => {
  it("creates, reads, renames, replaces and deletes, with an audit entry per write", async () => {
    const created = await create({ name: "Price list", content: { text: "{Hi|Hello} {{first_name|there}}, prices: https://shop.example/p" } });
    expect(created.status, created.text).toBe(201);
    const id = created.body.template.id;
    expect(created.body.template.content).toMatchObject({ text: "{Hi|Hello} {{first_name|there}}, prices: https://shop.example/p", trackLinks: true });
    expect(created.body.warnings).toEqual([]);
    expect((await call(item, "GET", { ...at(id), headers: key() })).body.template.name).toBe("Price list");
    const renamed = await call(item, "PATCH", { ...at(id), headers: key(), body: { name: "Prices", content: { text: "New text" } } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.template).toMatchObject({ name: "Prices", content: { text: "New text" } });
    const list = await call(collection, "GET", { path: "/api/v1/templates", headers: key(), query: { q: "Pri" } });
    expect(list.body.data.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await call(item, "DELETE", { ...at(id), headers: key() })).status).toBe(204);
    expect((await call(item, "GET", { ...at(id), headers: key() })).status).toBe(404);
    const log = await primary().auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["template.created", "template.updated", "template.deleted"]);
  });

  it("validates the content with the template engine (422, naming the field)", async () => {
    for (const text of ["Hi {{nickname}}", "{Hi|Hello", "x".repeat(1_200)]) {
      const res = await create({ name: `Bad ${text.length}`, content: { text } });
      expect(res.status, text).toBe(422);
      expect(res.body.errors[0].path).toBe("content.text");
    }
    const buttons = await create({ name: "Both", content: { text: "hi", quickReplies: [{ title: "A", payload: "A" }], buttons: [{ type: "postback", title: "B", payload: "B" }] } });
    expect(buttons.status).toBe(422);
    expect(buttons.body.errors[0].path).toBe("content.buttons");
  });

  it("warns when the longest spintax choice may exceed Instagram's limit", async () => {
    const res = await create({ name: "Long", content: { text: `{${"a".repeat(400)}|${"b".repeat(1_010)}}` } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: "text_may_be_too_long", path: "content.text" })]);
  });

  it("keeps names unique per workspace: 409 on create and on rename, while another workspace may reuse the name", async () => {
    expect((await create({ name: "Welcome", content: { text: "Hi" } })).status).toBe(201);
    const dup = await create({ name: "Welcome", content: { text: "Hi again" } });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe("conflict");
    const other = await create({ name: "Other", content: { text: "x" } });
    const rename = await call(item, "PATCH", { ...at(other.body.template.id), headers: key(), body: { name: "Welcome" } });
    expect(rename.status).toBe(409);
    expect((await create({ name: "Welcome", content: { text: "Hi" } }, { authorization: B.keys.full.auth })).status).toBe(201);
  });

  it("is a 404 for another workspace's template, and lets viewers read but not write", async () => {
    const theirs = await create({ name: "Theirs", content: { text: "secret" } }, { authorization: B.keys.full.auth });
    const id = theirs.body.template.id;
    for (const [method, body] of [["GET", undefined], ["PATCH", { name: "Mine" }], ["DELETE", undefined]] as const) {
      const res = await call(item, method, { ...at(id), headers: key(), body });
      expect(res.status, method).toBe(404);
      expect(res.text).not.toContain("secret");
    }
    const viewer = { cookie: A.members.viewer.cookie, "x-workspace": A.tenant.id, origin: "http://127.0.0.1:3000" };
    expect((await call(collection, "GET", { path: "/api/v1/templates", headers: viewer })).status).toBe(200);
    expect((await create({ name: "Viewer's", content: { text: "x" } }, viewer)).status).toBe(403);
    const editor = { ...viewer, cookie: A.members.editor.cookie };
    expect((await create({ name: "Editor's", content: { text: "x" } }, editor)).status).toBe(201);
  });
});
