import { defaultReceiver } from "@/lib/ingest/default-receiver";
import { MAX_WEBHOOK_BYTES, type WebhookResponse } from "@/lib/ingest/webhook-receiver";

// GET  /api/webhooks/instagram – Meta's verification handshake
// POST /api/webhooks/instagram – signed event deliveries (the single-process setup; the
// standalone `npm run start:ingest` serves the same receiver on its own port)
export const dynamic = "force-dynamic";

const send = (r: WebhookResponse) => new Response(r.body, { status: r.status, headers: { "content-type": r.contentType } });

export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  return send(await defaultReceiver().handle({ method: "GET", query, signature: undefined, body: undefined }));
}

export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  const tooLarge = Number.isFinite(declared) && declared > MAX_WEBHOOK_BYTES;
  const body = tooLarge ? undefined : Buffer.from(await request.arrayBuffer());
  return send(
    await defaultReceiver().handle({
      method: "POST",
      query: new URL(request.url).searchParams,
      signature: request.headers.get("x-hub-signature-256") ?? undefined,
      body,
      tooLarge,
    }),
  );
}
