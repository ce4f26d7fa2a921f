"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { ZTemplateContent } from "@/lib/templates/schemas";
import { callApi, problemMessage } from "./builder/api";
import type { MessageInput } from "./builder/draft";
import { IssueList } from "./builder/issue-list";
import { MessageEditor } from "./builder/message-editor";

type Props = { workspaceId: string; template?: { id: string; name: string; content: MessageInput }; onDoneHref: string; canEdit: boolean };

/** Creates or edits a template with the same message editor and schema as a DM step. */
export function TemplateEditor({ workspaceId, template, onDoneHref, canEdit }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [name, setName] = useState(template?.name ?? "");
  const [content, setContent] = useState<MessageInput>(template?.content ?? { text: "Hi {{first_name|there}}! " });
  const [server, setServer] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const errors = useMemo(() => {
    const r = ZTemplateContent.safeParse(content);
    const map: Record<string, string> = {};
    if (!r.success) for (const i of r.error.issues) map[i.path.join(".")] ??= i.message;
    return { ...map, ...server };
  }, [content, server]);
  const errorFor = (p: string) => Object.entries(errors).find(([k]) => k === p || k.startsWith(`${p}.`))?.[1];

  async function save() {
    if (!name.trim() || Object.keys(errors).length) return toast(!name.trim() ? "Name the template" : "Fix the highlighted fields first", "error");
    setPending(true);
    const body = { name: name.trim(), content };
    const r = template
      ? await callApi(workspaceId, `/templates/${template.id}`, { method: "PATCH", body })
      : await callApi(workspaceId, "/templates", { method: "POST", body });
    setPending(false);
    if (!r.ok) {
      setServer(Object.fromEntries((r.problem.errors ?? []).map((e) => [e.path.replace(/^content\.?/, ""), e.message])));
      return toast(problemMessage(r.problem), "error");
    }
    toast(template ? "Template saved" : "Template created");
    router.push(onDoneHref);
    router.refresh();
  }

  async function remove() {
    if (!template) return;
    setPending(true);
    const r = await callApi(workspaceId, `/templates/${template.id}`, { method: "DELETE" });
    setPending(false);
    if (!r.ok) return toast(problemMessage(r.problem), "error");
    toast("Template deleted");
    router.push(onDoneHref);
    router.refresh();
  }

  return (
    <div className="grid gap-4">
      <FormField id="template-name" label="Template name" error={server.name}>
        <Input id="template-name" value={name} disabled={!canEdit} maxLength={100} onChange={(e) => setName(e.target.value)} />
      </FormField>
      <MessageEditor id="template" value={content} disabled={!canEdit} onChange={(c) => { setServer({}); setContent(c); }} errorFor={errorFor} />
      <IssueList errors={errors[""] ? [errors[""]] : []} warnings={[]} />
      {canEdit && (
        <div className="flex flex-wrap gap-2">
          <Button onClick={save} disabled={pending}>{pending ? "Saving…" : template ? "Save template" : "Create template"}</Button>
          {template && <Button variant="danger" onClick={remove} disabled={pending}>Delete</Button>}
        </div>
      )}
    </div>
  );
}
