"use client";

import { useState } from "react";
import { Badge, type Tone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select, Textarea } from "@/components/ui/field";
import type { TAutomationDefinitionInput } from "@/lib/automations/schema";
import { callApi, problemMessage } from "./api";

type Line = { automationName: string; outcome: "matched" | "skipped" | "not_applicable"; label: string; reason: string };
type TestResult = { headline: string; lines: Line[]; notes: string[]; winner: { name: string; matchedKeyword: string | null; actions: string[] } | null };

const OUTCOME_TONE: Record<Line["outcome"], Tone> = { matched: "green", skipped: "amber", not_applicable: "neutral" };
const KINDS = [
  { value: "comment", label: "Comment" },
  { value: "live_comment", label: "Live comment" },
  { value: "dm", label: "DM" },
  { value: "story_reply", label: "Story reply" },
  { value: "story_mention", label: "Story mention" },
  { value: "postback", label: "Button tap" },
  { value: "quick_reply", label: "Quick reply tap" },
  { value: "referral", label: "ig.me link" },
] as const;

/**
 * "Test this comment": runs the engine on a sample event against the account's live
 * automations and this unsaved draft (POST /api/v1/automations/test), sends nothing, and says
 * which automation would answer and why every other one would not.
 */
export function TestPanel(props: {
  workspaceId: string;
  accountId: string;
  automationId?: string;
  name: string;
  priority: number;
  definition: TAutomationDefinitionInput | null;
  defaultKind: string;
}) {
  const [kind, setKind] = useState(props.defaultKind === "dm_keyword" || props.defaultKind === "dm_any" || props.defaultKind === "first_dm" ? "dm" : props.defaultKind === "postback" ? "postback" : "comment");
  const [text, setText] = useState("How much is it? PRICE please");
  const [username, setUsername] = useState("");
  const [windowMode, setWindowMode] = useState<"history" | "open" | "closed">("history");
  const [payload, setPayload] = useState("");
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run(e: React.FormEvent) {
    e.preventDefault();
    if (!props.accountId) return setError("Connect an Instagram account first.");
    setPending(true);
    setError(null);
    const body = {
      accountId: props.accountId,
      kind,
      text,
      ...(username.trim() ? { username: username.trim() } : {}),
      ...(windowMode === "history" ? {} : { wroteInLast24h: windowMode === "open" }),
      ...((kind === "postback" || kind === "quick_reply") && payload.trim() ? { payload: payload.trim() } : {}),
      ...(kind === "referral" && payload.trim() ? { referralRef: payload.trim() } : {}),
      ...(props.definition ? { draft: { ...(props.automationId ? { automationId: props.automationId } : {}), name: props.name || "Unsaved automation", priority: props.priority, definition: props.definition } } : {}),
    };
    const r = await callApi<TestResult>(props.workspaceId, "/automations/test", { method: "POST", body });
    setPending(false);
    if (r.ok) setResult(r.data);
    else setError(problemMessage(r.problem));
  }

  const needsPayload = kind === "postback" || kind === "quick_reply" || kind === "referral";
  return (
    <div className="grid gap-4">
      <form onSubmit={run} className="grid gap-3" aria-label="Test this comment">
        <div className="grid grid-cols-2 gap-3">
          <FormField id="test-kind" label="Event">
            <Select id="test-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField id="test-user" label="From (optional)">
            <Input id="test-user" value={username} placeholder="@username" onChange={(e) => setUsername(e.target.value)} />
          </FormField>
        </div>
        <FormField id="test-text" label="Sample text">
          <Textarea id="test-text" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </FormField>
        {needsPayload && (
          <FormField id="test-payload" label={kind === "referral" ? "Ref" : "Payload"}>
            <Input id="test-payload" value={payload} onChange={(e) => setPayload(e.target.value)} />
          </FormField>
        )}
        <FormField id="test-window" label="24-hour window">
          <Select id="test-window" value={windowMode} onChange={(e) => setWindowMode(e.target.value as typeof windowMode)}>
            <option value="history">From the person&apos;s real history</option>
            <option value="open">Open (they messaged in the last 24 h)</option>
            <option value="closed">Closed</option>
          </Select>
        </FormField>
        {!props.definition && <p className="text-xs text-amber-800">Your unsaved changes have errors, so only the saved, active automations are tested.</p>}
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Testing…" : "Test this comment"}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {error && <p className="text-sm font-medium text-red-700">{error}</p>}
        {result && (
          <div className="grid gap-3 rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200" data-testid="test-result">
            <p className="text-sm font-semibold text-zinc-900">{result.headline}</p>
            {result.winner?.matchedKeyword && <p className="text-xs text-zinc-600">Matched keyword “{result.winner.matchedKeyword}”.</p>}
            <ul className="grid gap-2">
              {result.lines.map((l, i) => (
                <li key={i} className="text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={OUTCOME_TONE[l.outcome]}>{l.label}</Badge>
                    <span className="font-medium">{l.automationName}</span>
                  </div>
                  <p className="mt-0.5 text-xs text-zinc-600">{l.reason}</p>
                </li>
              ))}
            </ul>
            {result.notes.length > 0 && (
              <ul className="grid gap-1 border-t border-zinc-200 pt-2">
                {result.notes.map((n) => (
                  <li key={n} className="text-xs text-amber-800">
                    {n}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
