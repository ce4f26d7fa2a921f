/**
 * The page shown when Instagram's redirect cannot be tied to a workspace (forged, expired or
 * reused state, someone else's session): there is no accounts page to send the person back
 * to. Plain HTML, no scripts; the message is ours, escaped anyway.
 */
export function connectErrorPage(status: number, message: string): Response {
  const text = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Instagram connection failed · Replyflow</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5">
<main><h1>The Instagram account was not connected</h1><p role="alert">${text}</p><p><a href="/workspaces">Back to your workspaces</a></p></main>
</body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
