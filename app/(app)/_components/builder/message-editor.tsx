"use client";

import { Button } from "@/components/ui/button";
import { FormField, Input, Select, Textarea } from "@/components/ui/field";
import { IconPlus, IconTrash } from "@/components/ui/icons";
import type { TButton, TQuickReply } from "@/lib/automations/schema";
import type { MessageInput } from "./draft";

export type TemplateOption = { id: string; name: string; content: MessageInput };

/**
 * Text with variables and spintax, then either quick replies or up to three buttons, an
 * optional image and link tracking — the engine's ZMessageContent, field by field.
 */
export function MessageEditor(props: {
  id: string;
  value: MessageInput;
  onChange: (v: MessageInput) => void;
  disabled?: boolean;
  allowImage?: boolean;
  templates?: TemplateOption[];
  errorFor: (path: string) => string | undefined;
}) {
  const m = props.value;
  const set = (patch: Partial<MessageInput>) => {
    const next = { ...m, ...patch };
    for (const k of Object.keys(patch) as (keyof MessageInput)[]) if (patch[k] === undefined) delete next[k];
    props.onChange(next);
  };
  const qr = m.quickReplies ?? [];
  const buttons = m.buttons ?? [];
  const setQr = (list: TQuickReply[]) => set({ quickReplies: list.length ? list : undefined });
  const setButtons = (list: TButton[]) => set({ buttons: list.length ? list : undefined });
  return (
    <div className="grid gap-4">
      {props.templates && props.templates.length > 0 && !props.disabled && (
        <FormField id={`${props.id}-template`} label="Start from a template">
          <Select
            id={`${props.id}-template`}
            value=""
            onChange={(e) => {
              const t = props.templates?.find((x) => x.id === e.target.value);
              if (t) props.onChange({ ...t.content });
            }}
          >
            <option value="">Choose a template…</option>
            {props.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
        </FormField>
      )}
      <FormField id={`${props.id}-text`} label="Message text" hint="Variables: {{username}}, {{first_name|fallback}}. Spintax: {Hi|Hello|Hey}." error={props.errorFor("text")}>
        <Textarea
          id={`${props.id}-text`}
          value={m.text}
          rows={3}
          disabled={props.disabled}
          aria-invalid={!!props.errorFor("text") || undefined}
          onChange={(e) => set({ text: e.target.value })}
        />
      </FormField>
      <fieldset className="grid gap-2" disabled={props.disabled}>
        <legend className="mb-1 text-sm font-medium text-zinc-800">Quick replies <span className="font-normal text-zinc-500">(up to 13 tappable answers)</span></legend>
        {qr.map((q, i) => (
          <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-end gap-2">
            <FormField id={`${props.id}-qr-${i}-title`} label={`Quick reply ${i + 1} title`} error={props.errorFor(`quickReplies.${i}.title`)}>
              <Input id={`${props.id}-qr-${i}-title`} value={q.title} maxLength={20} onChange={(e) => setQr(qr.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
            </FormField>
            <FormField id={`${props.id}-qr-${i}-payload`} label="Payload" error={props.errorFor(`quickReplies.${i}.payload`)}>
              <Input id={`${props.id}-qr-${i}-payload`} value={q.payload} onChange={(e) => setQr(qr.map((x, j) => (j === i ? { ...x, payload: e.target.value } : x)))} />
            </FormField>
            <Button variant="ghost" size="sm" onClick={() => setQr(qr.filter((_, j) => j !== i))} aria-label={`Remove quick reply ${i + 1}`}>
              <IconTrash size={16} />
            </Button>
          </div>
        ))}
        {qr.length < 13 && !props.disabled && (
          <div>
            <Button variant="secondary" size="sm" onClick={() => setQr([...qr, { title: "", payload: "" }])}>
              <IconPlus size={16} /> Add quick reply
            </Button>
          </div>
        )}
      </fieldset>
      <fieldset className="grid gap-2" disabled={props.disabled}>
        <legend className="mb-1 text-sm font-medium text-zinc-800">Buttons <span className="font-normal text-zinc-500">(up to 3: a link or a postback)</span></legend>
        {buttons.map((b, i) => (
          <div key={i} className="grid gap-2 rounded-lg bg-zinc-50 p-2 sm:grid-cols-[8rem_1fr_1.4fr_auto] sm:items-end">
            <FormField id={`${props.id}-btn-${i}-type`} label={`Button ${i + 1}`}>
              <Select
                id={`${props.id}-btn-${i}-type`}
                value={b.type}
                onChange={(e) =>
                  setButtons(buttons.map((x, j) => (j !== i ? x : e.target.value === "web_url" ? { type: "web_url", title: x.title, url: "https://" } : { type: "postback", title: x.title, payload: "" })))
                }
              >
                <option value="web_url">Link</option>
                <option value="postback">Postback</option>
              </Select>
            </FormField>
            <FormField id={`${props.id}-btn-${i}-title`} label="Title" error={props.errorFor(`buttons.${i}.title`)}>
              <Input id={`${props.id}-btn-${i}-title`} value={b.title} maxLength={20} onChange={(e) => setButtons(buttons.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
            </FormField>
            {b.type === "web_url" ? (
              <FormField id={`${props.id}-btn-${i}-url`} label="URL" error={props.errorFor(`buttons.${i}.url`)}>
                <Input id={`${props.id}-btn-${i}-url`} type="url" value={b.url} onChange={(e) => setButtons(buttons.map((x, j) => (j === i ? { ...x, url: e.target.value } as TButton : x)))} />
              </FormField>
            ) : (
              <FormField id={`${props.id}-btn-${i}-payload`} label="Payload" error={props.errorFor(`buttons.${i}.payload`)}>
                <Input id={`${props.id}-btn-${i}-payload`} value={b.payload} onChange={(e) => setButtons(buttons.map((x, j) => (j === i ? { ...x, payload: e.target.value } as TButton : x)))} />
              </FormField>
            )}
            <Button variant="ghost" size="sm" onClick={() => setButtons(buttons.filter((_, j) => j !== i))} aria-label={`Remove button ${i + 1}`}>
              <IconTrash size={16} />
            </Button>
          </div>
        ))}
        {props.errorFor("buttons") && <p className="text-xs font-medium text-red-700">{props.errorFor("buttons")}</p>}
        {buttons.length < 3 && !props.disabled && (
          <div>
            <Button variant="secondary" size="sm" onClick={() => setButtons([...buttons, { type: "web_url", title: "", url: "https://" }])}>
              <IconPlus size={16} /> Add button
            </Button>
          </div>
        )}
      </fieldset>
      {props.allowImage !== false && (
        <FormField id={`${props.id}-image`} label="Image URL (optional)" hint="Sent as its own message before the text." error={props.errorFor("imageUrl")}>
          <Input id={`${props.id}-image`} type="url" value={m.imageUrl ?? ""} disabled={props.disabled} placeholder="https://…" onChange={(e) => set({ imageUrl: e.target.value || undefined })} />
        </FormField>
      )}
      <label className="flex items-center gap-2 text-sm text-zinc-700">
        <input
          type="checkbox"
          className="size-4 accent-brand-600"
          checked={m.trackLinks !== false}
          disabled={props.disabled}
          onChange={(e) => set({ trackLinks: e.target.checked })}
        />
        Track link clicks (links go through Replyflow&apos;s redirect)
      </label>
    </div>
  );
}
