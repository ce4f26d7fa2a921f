import { notFound } from "next/navigation";
import { getDataDeletionStatus } from "@/lib/instagram/connect/get-data-deletion-status";

export const dynamic = "force-dynamic";
export const metadata = { title: "Data deletion request · Replyflow", robots: { index: false } };

const when = (d: Date) => d.toUTCString();

/** Public: Meta shows people this link after they ask for their data to be deleted. */
export default async function DataDeletionStatusPage({ params }: { params: Promise<{ code: string }> }) {
  const request = await getDataDeletionStatus((await params).code);
  if (!request) notFound();
  const done = request.status === "completed";
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
      <h1>Data deletion request</h1>
      <dl>
        <dt>Confirmation code</dt>
        <dd><code>{request.confirmationCode}</code></dd>
        <dt>Received</dt>
        <dd>{when(request.requestedAt)}</dd>
        <dt>Status</dt>
        <dd role="status">{done ? `Completed ${when(request.completedAt ?? request.requestedAt)}` : "In progress"}</dd>
      </dl>
      <p>
        {done
          ? "Replyflow has deleted the personal data it held about the people this Instagram account talked to, and the account is disconnected."
          : "Replyflow has disconnected the Instagram account and is deleting the personal data it held. This usually takes a few minutes; reload this page to check."}
      </p>
    </main>
  );
}
