import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { IconPlus, IconTemplate } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { ZMessageContent } from "@/lib/automations/schema";
import { formatAgo } from "@/lib/dashboard/format";
import { can } from "@/lib/tenancy/authorize";
import { workspacePage } from "@/lib/tenancy/workspace-page";
import { listTemplates } from "@/lib/templates/list-templates";
import { TemplateEditor } from "../../../_components/template-editor";

export const metadata = { title: "Templates · Replyflow" };

export default async function TemplatesPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ edit?: string; new?: string }> }) {
  const ctx = await workspacePage((await params).slug);
  const search = await searchParams;
  const base = `/w/${ctx.tenant.slug}/templates`;
  const write = can(ctx, "templates.write");
  const page = await listTemplates(ctx, { limit: 100 });
  const templates = page.data.map((t) => {
    const c = ZMessageContent.safeParse(t.content);
    return { ...t, parsed: c.success ? c.data : null };
  });
  const editing = search.edit ? templates.find((t) => t.id === search.edit) : undefined;
  const showEditor = (write && search.new !== undefined) || !!editing;
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Templates"
        description="Reusable messages for DM steps: text with {{variables}} and {spin|tax}, quick replies, buttons and images."
        actions={write && !showEditor ? <ButtonLink href={`${base}?new`}><IconPlus size={16} /> New template</ButtonLink> : null}
      />
      <div className={cn("grid gap-4", showEditor && "lg:grid-cols-[minmax(0,1fr)_28rem]")}>
        <Card aria-label="Templates">
          {templates.length === 0 ? (
            <EmptyState icon={<IconTemplate />} title="No templates yet" action={write ? <ButtonLink href={`${base}?new`}>Create a template</ButtonLink> : null}>
              Write your price list, welcome message or FAQ answer once and drop it into any automation&apos;s DM.
            </EmptyState>
          ) : (
            <ul className="divide-y divide-zinc-100">
              {templates.map((t) => (
                <li key={t.id} className={cn("px-4 py-3 sm:px-5", editing?.id === t.id && "bg-brand-50/50")}>
                  <div className="flex items-center justify-between gap-3">
                    <Link href={`${base}?edit=${t.id}`} className="font-medium text-zinc-900">
                      {t.name}
                    </Link>
                    <span className="text-xs whitespace-nowrap text-zinc-500">updated {formatAgo(t.updatedAt, now)}</span>
                  </div>
                  <p className="mt-1 line-clamp-2 text-sm whitespace-pre-line text-zinc-600">{t.parsed?.text ?? "This template no longer passes validation; open it to fix it."}</p>
                  {t.parsed && (t.parsed.quickReplies || t.parsed.buttons || t.parsed.imageUrl) && (
                    <p className="mt-1 text-xs text-zinc-500">
                      {[t.parsed.quickReplies && `${t.parsed.quickReplies.length} quick replies`, t.parsed.buttons && `${t.parsed.buttons.length} buttons`, t.parsed.imageUrl && "image"].filter(Boolean).join(" · ")}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {showEditor && (
          <Card aria-labelledby="editor-title">
            <CardHeader id="editor-title" title={editing ? `Edit “${editing.name}”` : "New template"} actions={<ButtonLink href={base} variant="ghost" size="sm">Close</ButtonLink>} />
            <CardBody>
              <TemplateEditor
                key={editing?.id ?? "new"}
                workspaceId={ctx.tenant.id}
                canEdit={write}
                onDoneHref={base}
                template={editing ? { id: editing.id, name: editing.name, content: editing.parsed ?? { text: "" } } : undefined}
              />
            </CardBody>
          </Card>
        )}
      </div>
    </>
  );
}
