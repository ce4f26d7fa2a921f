import Link from "next/link";
import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { PresentedMessage } from "@/lib/activity/present-message";
import type { PresentedRun } from "@/lib/activity/present-run";
import { formatDateTime } from "@/lib/dashboard/format";
import { messagePreview } from "@/lib/dashboard/message-preview";
import { MESSAGE_KIND_LABEL, MessageStatusBadge, RunOutcomeBadge } from "../status-badges";

type Page = { kind: "messages"; data: PresentedMessage[] } | { kind: "runs"; data: PresentedRun[] };
type Props = { page: Page; timezone: string; accounts: Map<string, string>; lookupHref: (username: string) => string };

const EVENT_LABEL: Record<string, string> = { comment: "Comment", live_comment: "Live comment", dm: "DM", story_reply: "Story reply", story_mention: "Story mention", postback: "Button tap", quick_reply: "Quick reply", referral: "ig.me link" };

/** Messages or runs of the activity log, newest first, with the plain-language reason: a table from sm up, cards on a phone. */
export function ActivityTable({ page, timezone, accounts, lookupHref }: Props) {
  const who = (username: string | null) =>
    username ? (
      <Link href={lookupHref(username)} className="font-medium text-zinc-900">
        @{username}
      </Link>
    ) : (
      <span className="text-zinc-500" title="Instagram shares a username once the person has commented">
        no username yet
      </span>
    );
  const account = (id: string) => <span className="block text-xs text-zinc-500">@{accounts.get(id) ?? "?"}</span>;
  if (page.kind === "runs") {
    return (
      <>
        <PhoneList
          items={page.data.map((r) => ({
            id: r.id,
            when: formatDateTime(r.createdAt, timezone),
            who: who(r.contactUsername),
            title: `${EVENT_LABEL[r.eventKind] ?? r.eventKind} · ${r.automationName ?? "no automation"}`,
            badge: <RunOutcomeBadge outcome={r.outcome} />,
            detail: r.reason,
          }))}
        />
        <Table label="Runs" wrapperClassName="hidden sm:block">
          <thead>
            <tr><Th>When</Th><Th>From</Th><Th>Event</Th><Th>Automation</Th><Th>Outcome</Th><Th>Why</Th></tr>
          </thead>
          <tbody>
            {page.data.map((r) => (
              <tr key={r.id}>
                <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDateTime(r.createdAt, timezone)}</Td>
                <Td>{who(r.contactUsername)}</Td>
                <Td className="whitespace-nowrap">{EVENT_LABEL[r.eventKind] ?? r.eventKind}{account(r.accountId)}</Td>
                <Td className="min-w-36">{r.automationName ?? <span className="text-zinc-500">—</span>}</Td>
                <Td><RunOutcomeBadge outcome={r.outcome} /></Td>
                <Td className="min-w-64 text-zinc-700">{r.reason}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </>
    );
  }
  return (
    <>
      <PhoneList
        items={page.data.map((m) => ({
          id: m.id,
          when: formatDateTime(m.createdAt, timezone),
          who: who(m.contactUsername),
          title: `${MESSAGE_KIND_LABEL[m.kind] ?? m.kind} · ${m.automationName ?? "deleted automation"}`,
          badge: <MessageStatusBadge status={m.status} />,
          detail: m.reason ?? messagePreview(m.content),
        }))}
      />
      <Table label="Messages" wrapperClassName="hidden sm:block">
        <thead>
          <tr><Th>When</Th><Th>To</Th><Th>Kind</Th><Th>Automation</Th><Th>Status</Th><Th>Details</Th></tr>
        </thead>
        <tbody>
          {page.data.map((m) => {
            const text = messagePreview(m.content);
            return (
              <tr key={m.id}>
                <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDateTime(m.createdAt, timezone)}</Td>
                <Td>{who(m.contactUsername)}</Td>
                <Td className="whitespace-nowrap">{MESSAGE_KIND_LABEL[m.kind] ?? m.kind}{account(m.accountId)}</Td>
                <Td className="min-w-36">{m.automationName ?? <span className="text-zinc-500">deleted automation</span>}</Td>
                <Td><MessageStatusBadge status={m.status} /></Td>
                <Td className="max-w-md min-w-64">
                  {m.reason ? <span className="text-zinc-800">{m.reason}</span> : text ? <span className="line-clamp-2 text-zinc-600">“{text}”</span> : null}
                  {m.status === "sent" && m.latencyMs !== null && <span className="block text-xs text-zinc-500">delivered in {m.latencyMs} ms</span>}
                  {m.error && <span className="block text-xs text-zinc-500">Instagram error {m.error.code}{m.error.subcode ? `/${m.error.subcode}` : ""}</span>}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </>
  );
}

/** Below sm the log is a list of cards: a six-column table does not fit a phone. */
function PhoneList({ items }: { items: { id: string; when: string; who: ReactNode; title: string; badge: ReactNode; detail: string | null }[] }) {
  return (
    <ul className="divide-y divide-zinc-100 sm:hidden">
      {items.map((i) => (
        <li key={i.id} className="grid gap-1 px-4 py-3 text-sm">
          <div className="flex items-center justify-between gap-2">
            <span className="min-w-0 truncate">{i.who}</span>
            {i.badge}
          </div>
          <p className="text-zinc-800">{i.title}</p>
          {i.detail && <p className="line-clamp-2 text-xs text-zinc-600">{i.detail}</p>}
          <p className="text-xs text-zinc-500 tabular-nums">{i.when}</p>
        </li>
      ))}
    </ul>
  );
}
