"use client";

import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { cn } from "@/components/ui/cn";
import { formatDayKey, formatHour, formatNumber } from "@/lib/dashboard/format";

export type ChartPoint = { day: string; events: number; sent: number; failed: number; skipped: number; clicks: number };

/** Outcomes of sends stack as bars (they add up to what was attempted); events and clicks are lines. */
export const SERIES = [
  { key: "events", label: "Events", color: "#6366f1", shape: "line" },
  { key: "sent", label: "Sent", color: "#10b981", shape: "bar" },
  { key: "skipped", label: "Skipped", color: "#f59e0b", shape: "bar" },
  { key: "failed", label: "Failed", color: "#ef4444", shape: "bar" },
  { key: "clicks", label: "Clicks", color: "#0ea5e9", shape: "line" },
] as const;
type SeriesKey = (typeof SERIES)[number]["key"];

/**
 * Daily events, sends, skips, failures and clicks. Series toggle with buttons (aria-pressed);
 * the same numbers are in a table for screen readers, since a chart alone says nothing to them.
 */
export function ActivityChart({ data, granularity = "day" }: { data: ChartPoint[]; granularity?: "day" | "hour" }) {
  const label = granularity === "hour" ? formatHour : formatDayKey;
  const [shown, setShown] = useState<Record<SeriesKey, boolean>>({ events: true, sent: true, skipped: true, failed: true, clicks: false });
  return (
    <div>
      <div className="flex flex-wrap gap-1.5 px-4 pt-3 sm:px-5" role="group" aria-label="Series">
        {SERIES.map((s) => (
          <button
            key={s.key}
            type="button"
            aria-pressed={shown[s.key]}
            onClick={() => setShown((v) => ({ ...v, [s.key]: !v[s.key] }))}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset",
              shown[s.key] ? "bg-white text-zinc-800 ring-zinc-300" : "bg-zinc-50 text-zinc-400 ring-zinc-200",
            )}
          >
            <span aria-hidden className="size-2 rounded-full" style={{ background: shown[s.key] ? s.color : "#d4d4d8" }} />
            {s.label}
          </button>
        ))}
      </div>
      <div className="h-64 px-1 pt-2 pb-3 sm:h-72 sm:px-3" aria-hidden>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 12, left: 0, bottom: 0 }} barCategoryGap="18%">
            <CartesianGrid stroke="#f4f4f5" vertical={false} />
            <XAxis dataKey="day" tickFormatter={label} tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={false} minTickGap={24} />
            <YAxis tick={{ fontSize: 11, fill: "#71717a" }} tickLine={false} axisLine={false} width={44} allowDecimals={false} tickFormatter={(v: number) => formatNumber(v)} />
            <Tooltip
              cursor={{ fill: "#f4f4f5" }}
              labelFormatter={(d) => label(String(d))}
              formatter={(v, name) => [formatNumber(Number(v)), SERIES.find((s) => s.key === name)?.label ?? String(name)]}
              contentStyle={{ borderRadius: 8, border: "1px solid #e4e4e7", fontSize: 12 }}
            />
            {SERIES.filter((s) => shown[s.key] && s.shape === "bar").map((s, i, bars) => (
              <Bar key={s.key} dataKey={s.key} stackId="sends" fill={s.color} radius={i === bars.length - 1 ? [3, 3, 0, 0] : 0} isAnimationActive={false} />
            ))}
            {SERIES.filter((s) => shown[s.key] && s.shape === "line").map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>{granularity === "hour" ? "Hourly activity" : "Daily activity"}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {SERIES.map((s) => (
              <th key={s.key} scope="col">{s.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((p) => (
            <tr key={p.day}>
              <th scope="row">{label(p.day)}</th>
              {SERIES.map((s) => (
                <td key={s.key}>{p[s.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
