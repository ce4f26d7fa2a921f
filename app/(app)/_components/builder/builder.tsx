"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { FormField, Input, Select } from "@/components/ui/field";
import { IconCheck } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import type { TAutomationDefinitionInput } from "@/lib/automations/schema";
import { AutomationStatusBadge } from "../status-badges";
import { ActionsEditor } from "./actions-editor";
import { callApi, problemMessage, type Problem } from "./api";
import { ConditionsEditor } from "./conditions-editor";
import { issuesUnder, validateDraft, type Draft } from "./draft";
import { IssueList } from "./issue-list";
import type { TemplateOption } from "./message-editor";
import { TestPanel } from "./test-panel";
import { TriggerEditor } from "./trigger-editor";

type Saved = { automation: { id: string; status: "draft" | "active" | "paused"; version: number }; warnings: { path: string; message: string }[] };

export type BuilderProps = {
  slug: string;
  workspaceId: string;
  timezone: string;
  accounts: { id: string; username: string; status: string }[];
  templates: TemplateOption[];
  canEdit: boolean;
  initial: Draft;
  existing?: { id: string; status: "draft" | "active" | "paused"; version: number };
};

function serverIssues(p: Problem): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of p.errors ?? []) {
    const path = e.path.replace(/^definition\.?/, "");
    map.set(path, [...(map.get(path) ?? []), e.message]);
  }
  return map;
}

/**
 * The automation builder: WHEN (trigger), IF (conditions), THEN (actions), validated in the
 * browser by the engine's own schema on every keystroke, saved through /api/v1 (which checks
 * the same schema again), with the "test this comment" panel beside it.
 */
export function AutomationBuilder(props: BuilderProps) {
  const router = useRouter();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(props.initial);
  const [existing, setExisting] = useState(props.existing);
  const [server, setServer] = useState<Map<string, string[]>>(new Map());
  const [saving, setSaving] = useState<null | "save" | "activate" | "status">(null);
  const issues = useMemo(() => validateDraft(draft.definition), [draft.definition]);
  const disabled = !props.canEdit;

  const errors = useMemo(() => {
    const all = new Map(issues.errors);
    for (const [k, v] of server) all.set(k, [...(all.get(k) ?? []), ...v]);
    return all;
  }, [issues.errors, server]);
  const errorFor = (path: string) => issuesUnder(errors, path)[0];
  const setDef = (patch: Partial<TAutomationDefinitionInput>) => {
    setServer(new Map());
    setDraft((d) => ({ ...d, definition: { ...d.definition, ...patch } }));
  };
  const errorCount = [...errors.values()].reduce((n, l) => n + l.length, 0);
  const warningCount = [...issues.warnings.values()].reduce((n, l) => n + l.length, 0);
  const nameError = draft.name.trim() ? undefined : "Name the automation";

  async function save(activate: boolean) {
    if (nameError || !issues.parsed || !draft.accountId) {
      toast(nameError ?? (!draft.accountId ? "Choose an Instagram account" : "Fix the highlighted fields first"), "error");
      return;
    }
    setSaving(activate ? "activate" : "save");
    const body = { name: draft.name.trim(), priority: draft.priority, definition: draft.definition };
    const r = existing
      ? await callApi<Saved>(props.workspaceId, `/automations/${existing.id}`, { method: "PATCH", body: { ...body, expectedVersion: existing.version, ...(activate ? { status: "active" } : {}) } })
      : await callApi<Saved>(props.workspaceId, "/automations", { method: "POST", body: { ...body, accountId: draft.accountId, status: activate ? "active" : "draft" } });
    setSaving(null);
    if (!r.ok) {
      setServer(serverIssues(r.problem));
      toast(problemMessage(r.problem), "error");
      return;
    }
    const a = r.data.automation;
    toast(activate ? "Saved and active: it answers from now on" : existing ? "Changes saved" : "Automation saved as a draft");
    if (!existing) {
      router.push(`/w/${props.slug}/automations/${a.id}`);
      return;
    }
    setExisting({ id: a.id, status: a.status, version: a.version });
    router.refresh();
  }

  async function setStatus(to: "activate" | "pause") {
    if (!existing) return;
    setSaving("status");
    const r = await callApi<Saved>(props.workspaceId, `/automations/${existing.id}/${to}?expectedVersion=${existing.version}`, { method: "POST" });
    setSaving(null);
    if (!r.ok) return toast(problemMessage(r.problem), "error");
    setExisting({ id: r.data.automation.id, status: r.data.automation.status, version: r.data.automation.version });
    toast(to === "activate" ? "Activated" : "Paused: it stops answering new events");
    router.refresh();
  }

  const account = props.accounts.find((a) => a.id === draft.accountId);
  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="grid content-start gap-4">
        {disabled && (
          <p className="rounded-lg bg-zinc-100 px-4 py-3 text-sm text-zinc-700">You can view this automation and test it. Only owners, admins and editors change automations.</p>
        )}
        <Card aria-labelledby="basics-title">
          <CardHeader id="basics-title" title="Basics" />
          <CardBody className="grid gap-4 sm:grid-cols-[2fr_1.4fr_7rem]">
            <FormField id="automation-name" label="Automation name" error={nameError}>
              <Input id="automation-name" value={draft.name} disabled={disabled} maxLength={100} aria-invalid={!!nameError || undefined} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            </FormField>
            <FormField id="automation-account" label="Instagram account">
              <Select id="automation-account" value={draft.accountId} disabled={disabled || !!existing} onChange={(e) => setDraft({ ...draft, accountId: e.target.value })}>
                {props.accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    @{a.username}
                    {a.status !== "active" ? ` (${a.status.replace("_", " ")})` : ""}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField id="automation-priority" label="Priority" hint="Higher wins.">
              <Input id="automation-priority" type="number" min={-1000} max={1000} value={draft.priority} disabled={disabled} onChange={(e) => setDraft({ ...draft, priority: Math.trunc(Number(e.target.value) || 0) })} />
            </FormField>
          </CardBody>
        </Card>
        <Card aria-labelledby="when-title">
          <CardHeader id="when-title" title="When" description="What someone does that starts this automation." />
          <CardBody className="grid gap-3">
            <TriggerEditor value={draft.definition.trigger} disabled={disabled} errorFor={(p) => errorFor(`trigger.${p}`)} onChange={(trigger) => setDef({ trigger })} />
            <IssueList errors={issuesUnder(errors, "trigger")} warnings={issuesUnder(issues.warnings, "trigger")} />
          </CardBody>
        </Card>
        <Card aria-labelledby="if-title">
          <CardHeader id="if-title" title="If" description="Which of those events it answers." />
          <CardBody className="grid gap-3">
            <ConditionsEditor value={draft.definition.conditions ?? {}} timezone={props.timezone} disabled={disabled} errorFor={errorFor} onChange={(conditions) => setDef({ conditions })} />
            <IssueList errors={issuesUnder(errors, "conditions")} warnings={issuesUnder(issues.warnings, "conditions")} />
          </CardBody>
        </Card>
        <Card aria-labelledby="then-title">
          <CardHeader id="then-title" title="Then" description="What Replyflow does, in order. Each step runs once per event, never twice." />
          <CardBody className="grid gap-3">
            <ActionsEditor
              value={draft.definition.actions}
              disabled={disabled}
              templates={props.templates}
              triggerType={draft.definition.trigger.type}
              errorFor={errorFor}
              issuesAt={(i) => ({ errors: issuesUnder(errors, `actions.${i}`), warnings: issuesUnder(issues.warnings, `actions.${i}`) })}
              onChange={(actions) => setDef({ actions })}
            />
            <IssueList errors={errors.get("actions") ?? []} warnings={issues.warnings.get("actions") ?? []} />
          </CardBody>
        </Card>
      </div>
      <div className="grid content-start gap-4 xl:sticky xl:top-6">
        <Card aria-labelledby="save-title">
          <CardHeader id="save-title" title={existing ? "Status" : "Save"} actions={existing && <AutomationStatusBadge status={existing.status} />} />
          <CardBody className="grid gap-3">
            <p className="flex items-center gap-1.5 text-sm" aria-live="polite">
              {errorCount === 0 ? (
                <>
                  <IconCheck size={16} className="text-emerald-600" />
                  <span className="text-zinc-700">
                    Ready to save{warningCount ? ` · ${warningCount} ${warningCount === 1 ? "warning" : "warnings"}` : ""}
                  </span>
                </>
              ) : (
                <span className="font-medium text-red-700">
                  {errorCount} {errorCount === 1 ? "problem" : "problems"} to fix before saving
                </span>
              )}
            </p>
            {account && account.status !== "active" && <p className="text-xs text-amber-800">@{account.username} is {account.status.replace("_", " ")}: sends wait until it is active.</p>}
            {props.canEdit && (
              <div className="flex flex-wrap gap-2">
                {(!existing || existing.status !== "active") && (
                  <Button onClick={() => save(true)} disabled={!!saving}>
                    {saving === "activate" ? "Saving…" : existing ? "Save and activate" : "Save and activate"}
                  </Button>
                )}
                <Button variant="secondary" onClick={() => save(false)} disabled={!!saving}>
                  {saving === "save" ? "Saving…" : existing ? "Save changes" : "Save as draft"}
                </Button>
                {existing?.status === "active" && (
                  <Button variant="secondary" onClick={() => setStatus("pause")} disabled={!!saving}>
                    Pause
                  </Button>
                )}
              </div>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="test-title">
          <CardHeader id="test-title" title="Test this comment" description="See which automation would answer and why — nothing is sent." />
          <CardBody>
            <TestPanel
              workspaceId={props.workspaceId}
              accountId={draft.accountId}
              automationId={existing?.id}
              name={draft.name}
              priority={draft.priority}
              definition={issues.parsed ? draft.definition : null}
              defaultKind={draft.definition.trigger.type}
            />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
