import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { IconSearch, IconUsers } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listContacts } from "@/lib/contacts/list-contacts";
import { ZListContactsQuery } from "@/lib/contacts/schemas";
import { formatAgo, formatDuration } from "@/lib/dashboard/format";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { ContactTags } from "../../../_components/contact-tags";

export const metadata = { title: "Contacts · Replyflow" };

type Search = Record<string, string | undefined>;

export default async function ContactsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const ctx = await workspacePage((await params).slug);
  const raw = await searchParams;
  const parsed = ZListContactsQuery.safeParse({ limit: "50", ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v)) });
  const query = parsed.success ? parsed.data : ZListContactsQuery.parse({ limit: "50" });
  const [page, accounts] = await Promise.all([listContacts(ctx, query), ctx.read.instagramAccount.findMany({ select: { id: true, username: true } })]);
  const username = new Map(accounts.map((a) => [a.id, a.username]));
  const base = `/w/${ctx.tenant.slug}/contacts`;
  const write = can(ctx, "contacts.write");
  const now = new Date();
  const filtered = !!(raw.q || raw.tag || raw.window || raw.accountId);
  const nextHref = page.nextCursor ? `${base}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([k, v]) => v && k !== "cursor")) as Record<string, string>, cursor: page.nextCursor })}` : null;
  return (
    <>
      <PageHeader title="Contacts" description="Everyone who commented on or messaged your accounts. A DM reaches them only while their 24-hour window is open." />
      <Card aria-label="Contacts">
        <form method="get" className="flex flex-wrap items-end gap-2 border-b border-zinc-100 px-4 py-3 sm:px-5" role="search" aria-label="Filter contacts">
          <div className="relative min-w-48 flex-1">
            <label htmlFor="contacts-q" className="sr-only">Username starts with</label>
            <IconSearch size={16} className="pointer-events-none absolute top-2.5 left-2.5 text-zinc-400" />
            <Input id="contacts-q" name="q" defaultValue={raw.q} placeholder="Search by username" className="pl-8" />
          </div>
          <div>
            <label htmlFor="contacts-tag" className="sr-only">Tag</label>
            <Input id="contacts-tag" name="tag" defaultValue={raw.tag} placeholder="Tag" className="w-32" />
          </div>
          <div>
            <label htmlFor="contacts-window" className="sr-only">24-hour window</label>
            <Select id="contacts-window" name="window" defaultValue={raw.window ?? ""} className="w-40">
              <option value="">Any window</option>
              <option value="open">Window open</option>
              <option value="closed">Window closed</option>
            </Select>
          </div>
          {accounts.length > 1 && (
            <div>
              <label htmlFor="contacts-account" className="sr-only">Account</label>
              <Select id="contacts-account" name="accountId" defaultValue={raw.accountId ?? ""} className="w-44">
                <option value="">All accounts</option>
                {accounts.map((a) => <option key={a.id} value={a.id}>@{a.username}</option>)}
              </Select>
            </div>
          )}
          <Button type="submit" variant="secondary">Filter</Button>
          {filtered && <ButtonLink href={base} variant="ghost">Clear</ButtonLink>}
        </form>
        {!parsed.success && <p className="px-5 py-3 text-sm text-red-700">Some filters were not valid and were ignored.</p>}
        {page.data.length === 0 ? (
          <EmptyState icon={<IconUsers />} title={filtered ? "No contact matches these filters" : "No contacts yet"}>
            {filtered ? "Try a shorter username or clear the filters." : "People appear here the moment they comment on or message a connected account."}
          </EmptyState>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Contact</Th>
                <Th>Tags</Th>
                <Th>Last interaction</Th>
                <Th>24-hour window</Th>
                <Th>Account</Th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((c) => (
                <tr key={c.id}>
                  <Td className="min-w-40">
                    <Link href={`/w/${ctx.tenant.slug}/activity?lookup=${encodeURIComponent(c.username ?? c.igsid)}`} className="font-medium text-zinc-900">
                      {c.username ? `@${c.username}` : c.igsid}
                    </Link>
                    {c.name && <span className="block text-xs text-zinc-500">{c.name}</span>}
                    {c.optedOut && <Badge tone="red" className="mt-1">Opted out</Badge>}
                  </Td>
                  <Td className="min-w-44">
                    <ContactTags workspaceId={ctx.tenant.id} contactId={c.id} username={c.username ?? c.igsid} tags={c.tags} canEdit={write} />
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatAgo(c.lastSeenAt, now)}</Td>
                  <Td className="whitespace-nowrap">
                    {c.windowOpen && c.windowClosesAt ? (
                      <Badge tone="green" dot>Open · {formatDuration(new Date(c.windowClosesAt).getTime() - now.getTime())} left</Badge>
                    ) : (
                      <Badge tone="neutral" dot>{c.awaitingReply ? "Closed · awaiting their reply" : "Closed"}</Badge>
                    )}
                  </Td>
                  <Td className="text-zinc-600">@{username.get(c.accountId) ?? "unknown"}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {nextHref && (
          <div className="flex justify-end px-5 py-3">
            <ButtonLink href={nextHref} variant="secondary" size="sm">Older contacts →</ButtonLink>
          </div>
        )}
      </Card>
    </>
  );
}
