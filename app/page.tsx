export default function Home() {
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", padding: "0 1rem" }}>
      <h1>Replyflow</h1>
      <p>
        Answers Instagram comments and DMs automatically — publicly, by private reply and by DM — at any volume,
        within Meta&apos;s rules, never twice and never lost.
      </p>
      <p>
        Service status: <a href="/api/health">/api/health</a>
      </p>
    </main>
  );
}
