"use client";

import { FormField, Input, Select } from "@/components/ui/field";
import type { TAutomationDefinitionInput, TKeywordMode } from "@/lib/automations/schema";
import { ListInput } from "./list-input";

type ConditionsInput = NonNullable<TAutomationDefinitionInput["conditions"]>;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MODES: { value: TKeywordMode; label: string }[] = [
  { value: "contains_word", label: "Contains the word" },
  { value: "contains", label: "Contains (anywhere)" },
  { value: "exact", label: "Is exactly" },
  { value: "starts_with", label: "Starts with" },
  { value: "any", label: "Any text (no keyword)" },
];

/** IF: keywords and their mode, exclusions, audience, re-entry and active hours. */
export function ConditionsEditor(props: { value: ConditionsInput; onChange: (c: ConditionsInput) => void; timezone: string; disabled?: boolean; errorFor: (path: string) => string | undefined }) {
  const c = props.value;
  const keywords = c.keywords ?? { mode: "any" as const, values: [] };
  const reentry = c.reentry ?? { policy: "always" as const };
  const hours = c.activeHours;
  const d = props.disabled;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id="cond-mode" label="Match keywords">
        <Select id="cond-mode" disabled={d} value={keywords.mode} onChange={(e) => props.onChange({ ...c, keywords: { ...keywords, mode: e.target.value as TKeywordMode } })}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField
        id="cond-keywords"
        label="Keywords"
        hint="Comma-separated. Case, accents and emoji variants don't matter."
        error={props.errorFor("conditions.keywords")}
      >
        <ListInput
          id="cond-keywords"
          value={keywords.values ?? []}
          disabled={d || keywords.mode === "any"}
          placeholder={keywords.mode === "any" ? "Every message matches" : "PRICE, price list, how much"}
          invalid={!!props.errorFor("conditions.keywords")}
          onChange={(values) => props.onChange({ ...c, keywords: { ...keywords, values } })}
        />
      </FormField>
      <FormField id="cond-exclude" label="Unless it contains" hint="Exclusion keywords, e.g. “refund, complaint”." error={props.errorFor("conditions.excludeKeywords")}>
        <ListInput id="cond-exclude" value={c.excludeKeywords ?? []} disabled={d} onChange={(excludeKeywords) => props.onChange({ ...c, excludeKeywords })} />
      </FormField>
      <FormField id="cond-audience" label="Who" error={props.errorFor("conditions.audience")}>
        <Select id="cond-audience" disabled={d} value={c.audience ?? "all"} onChange={(e) => props.onChange({ ...c, audience: e.target.value as "all" | "new" | "returning" })}>
          <option value="all">Everyone</option>
          <option value="new">New contacts only</option>
          <option value="returning">Returning contacts only</option>
        </Select>
      </FormField>
      <FormField id="cond-reentry" label="Answer the same person" error={props.errorFor("conditions.reentry")}>
        <Select
          id="cond-reentry"
          disabled={d}
          value={reentry.policy}
          onChange={(e) => {
            const policy = e.target.value as "once_per_contact" | "once_per_post" | "cooldown" | "always";
            props.onChange({ ...c, reentry: policy === "cooldown" ? { policy, minutes: 60 } : { policy } });
          }}
        >
          <option value="always">Every time</option>
          <option value="once_per_post">Once per post</option>
          <option value="once_per_contact">Only once, ever</option>
          <option value="cooldown">At most once per …</option>
        </Select>
      </FormField>
      {reentry.policy === "cooldown" && (
        <FormField id="cond-cooldown" label="Cool-down (minutes)" error={props.errorFor("conditions.reentry.minutes")}>
          <Input
            id="cond-cooldown"
            type="number"
            min={1}
            disabled={d}
            value={reentry.minutes}
            onChange={(e) => props.onChange({ ...c, reentry: { policy: "cooldown", minutes: Number(e.target.value) } })}
          />
        </FormField>
      )}
      <fieldset className="grid gap-3 rounded-lg border border-zinc-200 p-3 sm:col-span-2" disabled={d}>
        <legend className="px-1 text-sm font-medium text-zinc-800">Active hours</legend>
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          <input
            type="checkbox"
            className="size-4 accent-brand-600"
            checked={!!hours}
            onChange={(e) => props.onChange({ ...c, activeHours: e.target.checked ? { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" } : undefined })}
          />
          Only answer during these hours ({props.timezone})
        </label>
        {hours && (
          <>
            <div className="flex flex-wrap gap-1.5" role="group" aria-label="Days">
              {DAYS.map((day, i) => (
                <label key={day} className="flex items-center gap-1 rounded-md border border-zinc-200 px-2 py-1 text-xs has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                  <input
                    type="checkbox"
                    className="accent-brand-600"
                    checked={hours.days.includes(i)}
                    onChange={(e) => props.onChange({ ...c, activeHours: { ...hours, days: e.target.checked ? [...hours.days, i].sort() : hours.days.filter((x) => x !== i) } })}
                  />
                  {day}
                </label>
              ))}
            </div>
            <div className="grid grid-cols-2 gap-3 sm:max-w-xs">
              <FormField id="cond-start" label="From">
                <Input id="cond-start" type="time" value={hours.start} onChange={(e) => props.onChange({ ...c, activeHours: { ...hours, start: e.target.value } })} />
              </FormField>
              <FormField id="cond-end" label="Until">
                <Input id="cond-end" type="time" value={hours.end} onChange={(e) => props.onChange({ ...c, activeHours: { ...hours, end: e.target.value } })} />
              </FormField>
            </div>
            {props.errorFor("conditions.activeHours") && <p className="text-xs font-medium text-red-700">{props.errorFor("conditions.activeHours")}</p>}
          </>
        )}
      </fieldset>
    </div>
  );
}
