"use client";

import { Button } from "@/components/ui/button";
import { FormField, Input, Select, Textarea } from "@/components/ui/field";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@/components/ui/icons";
import type { TAutomationDefinitionInput } from "@/lib/automations/schema";
import { ACTION_LABELS, NEW_ACTIONS, type ActionType, type MessageInput } from "./draft";
import { IssueList } from "./issue-list";
import { ListInput } from "./list-input";
import { MessageEditor, type TemplateOption } from "./message-editor";

type ActionInput = TAutomationDefinitionInput["actions"][number];

const UNITS = [
  { value: 1, label: "seconds" },
  { value: 60, label: "minutes" },
  { value: 3600, label: "hours" },
] as const;

function DelayEditor({ id, seconds, onChange, disabled }: { id: string; seconds: number; onChange: (s: number) => void; disabled?: boolean }) {
  const unit = seconds % 3600 === 0 ? 3600 : seconds % 60 === 0 ? 60 : 1;
  return (
    <div className="grid max-w-xs grid-cols-2 gap-2">
      <FormField id={`${id}-amount`} label="Wait for">
        <Input id={`${id}-amount`} type="number" min={1} disabled={disabled} value={seconds / unit} onChange={(e) => onChange(Math.round(Number(e.target.value) * unit))} />
      </FormField>
      <FormField id={`${id}-unit`} label="Unit">
        <Select id={`${id}-unit`} disabled={disabled} value={unit} onChange={(e) => onChange((seconds / unit) * Number(e.target.value))}>
          {UNITS.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </Select>
      </FormField>
    </div>
  );
}

function ActionBody(props: { id: string; action: ActionInput; onChange: (a: ActionInput) => void; disabled?: boolean; templates: TemplateOption[]; errorFor: (p: string) => string | undefined }) {
  const { action: a, id, disabled } = props;
  switch (a.type) {
    case "public_reply":
      return (
        <fieldset className="grid gap-2" disabled={disabled}>
          <legend className="mb-1 text-sm font-medium text-zinc-800">Reply variants</legend>
          {a.variants.map((v, i) => (
            <div key={i} className="flex items-start gap-2">
              <label htmlFor={`${id}-variant-${i}`} className="sr-only">{`Public reply variant ${i + 1}`}</label>
              <Textarea
                id={`${id}-variant-${i}`}
                rows={2}
                value={v}
                aria-invalid={!!props.errorFor(`variants.${i}`) || undefined}
                onChange={(e) => props.onChange({ ...a, variants: a.variants.map((x, j) => (j === i ? e.target.value : x)) })}
              />
              {a.variants.length > 1 && (
                <Button variant="ghost" size="sm" onClick={() => props.onChange({ ...a, variants: a.variants.filter((_, j) => j !== i) })} aria-label={`Remove variant ${i + 1}`}>
                  <IconTrash size={16} />
                </Button>
              )}
            </div>
          ))}
          {a.variants.length < 20 && !disabled && (
            <div>
              <Button variant="secondary" size="sm" onClick={() => props.onChange({ ...a, variants: [...a.variants, ""] })}>
                <IconPlus size={16} /> Add variant
              </Button>
            </div>
          )}
        </fieldset>
      );
    case "private_reply":
    case "dm":
      return (
        <MessageEditor
          id={id}
          value={a.message as MessageInput}
          disabled={disabled}
          allowImage={a.type === "dm"}
          templates={props.templates}
          errorFor={(p) => props.errorFor(`message.${p}`)}
          onChange={(message) => props.onChange({ ...a, message })}
        />
      );
    case "delay":
      return <DelayEditor id={id} seconds={a.seconds} disabled={disabled} onChange={(seconds) => props.onChange({ ...a, seconds })} />;
    case "tag_contact":
      return (
        <FormField id={`${id}-tags`} label="Tags" hint="Comma-separated." error={props.errorFor("tags")}>
          <ListInput id={`${id}-tags`} value={a.tags} disabled={disabled} onChange={(tags) => props.onChange({ ...a, tags })} />
        </FormField>
      );
    case "hide_comment":
      return <p className="text-sm text-zinc-600">The comment stays visible to its author only.</p>;
    case "webhook": {
      const hasSecret = (a as { hasSecret?: boolean }).hasSecret;
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id={`${id}-url`} label="Webhook URL" error={props.errorFor("url")}>
            <Input id={`${id}-url`} type="url" value={a.url} disabled={disabled} onChange={(e) => props.onChange({ ...a, url: e.target.value })} />
          </FormField>
          <FormField id={`${id}-secret`} label="Signing secret" hint={hasSecret ? "A secret is set; type a new one to replace it." : "Optional, 16+ characters; never shown again."} error={props.errorFor("secret")}>
            <Input id={`${id}-secret`} type="password" autoComplete="off" disabled={disabled} value={a.secret ?? ""} onChange={(e) => props.onChange({ ...a, secret: e.target.value || undefined })} />
          </FormField>
        </div>
      );
    }
  }
}

/** THEN: the ordered steps, each with its own errors and warnings, plus "add a step". */
export function ActionsEditor(props: {
  value: ActionInput[];
  onChange: (a: ActionInput[]) => void;
  disabled?: boolean;
  templates: TemplateOption[];
  errorFor: (path: string) => string | undefined;
  issuesAt: (i: number) => { errors: string[]; warnings: string[] };
  triggerType: string;
}) {
  const list = props.value;
  const set = (i: number, a: ActionInput) => props.onChange(list.map((x, j) => (j === i ? a : x)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...list];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    props.onChange(next);
  };
  const onComment = props.triggerType === "comment" || props.triggerType === "live_comment";
  const offered: ActionType[] = onComment ? ["public_reply", "private_reply", "dm", "delay", "tag_contact", "hide_comment", "webhook"] : ["dm", "delay", "tag_contact", "webhook"];
  return (
    <div className="grid gap-3">
      <ol className="grid gap-3">
        {list.map((a, i) => {
          const issues = props.issuesAt(i);
          const id = `action-${i}`;
          return (
            <li key={i} aria-labelledby={`${id}-title`} className={issues.errors.length ? "rounded-lg border border-red-300 bg-white" : "rounded-lg border border-zinc-200 bg-white"}>
              <div className="flex items-center gap-2 border-b border-zinc-100 px-3 py-2">
                <span aria-hidden className="flex size-6 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-700">
                  {i + 1}
                </span>
                <h3 id={`${id}-title`} className="flex-1 text-sm font-semibold">
                  <span className="sr-only">Step {i + 1}: </span>
                  {ACTION_LABELS[a.type].title}
                </h3>
                {!props.disabled && (
                  <div className="flex items-center">
                    <Button variant="ghost" size="sm" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>
                      <IconArrowUp size={16} />
                    </Button>
                    <Button variant="ghost" size="sm" disabled={i === list.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>
                      <IconArrowDown size={16} />
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => props.onChange(list.filter((_, j) => j !== i))} aria-label={`Remove step ${i + 1}`}>
                      <IconTrash size={16} />
                    </Button>
                  </div>
                )}
              </div>
              <div className="grid gap-3 p-3">
                <p className="text-xs text-zinc-500">{ACTION_LABELS[a.type].help}</p>
                <ActionBody id={id} action={a} disabled={props.disabled} templates={props.templates} errorFor={(p) => props.errorFor(`actions.${i}.${p}`)} onChange={(x) => set(i, x)} />
                <IssueList errors={issues.errors} warnings={issues.warnings} />
              </div>
            </li>
          );
        })}
      </ol>
      {!props.disabled && list.length < 20 && (
        <div className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-zinc-300 p-3">
          <span className="text-sm text-zinc-600">Add a step:</span>
          {offered.map((type) => (
            <Button key={type} variant="secondary" size="sm" onClick={() => props.onChange([...list, NEW_ACTIONS[type]()])}>
              <IconPlus size={14} /> {ACTION_LABELS[type].title}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
