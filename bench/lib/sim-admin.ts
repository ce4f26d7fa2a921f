/** A thin client for the simulator's `/__admin` JSON API (lib/simulator/README.md), for benches in another process. */
export function simAdmin(baseUrl: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}/__admin${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator ${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
  return {
    createAccount: (input: Record<string, unknown>) => call<{ account: { id: string }; token: string }>("POST", "/accounts", input),
    setLimits: (id: string, limits: Record<string, unknown>) => call("POST", `/accounts/${id}/limits`, limits),
    actMany: (actions: Record<string, unknown>[]) => call<{ data: { userId: string; accountId: string }[] }>("POST", "/actions", { actions }),
    sends: (query: string) => call<{ data: { accountId: string; recipientId: string | null; at: number; text: string | null }[]; count: number }>("GET", `/sends?${query}`),
    stats: () => call<{ totals: Record<string, number>; total: number; duplicates: number; violations: { total: number; byClass: Record<string, number> } }>("GET", "/stats"),
  };
}
export type SimAdmin = ReturnType<typeof simAdmin>;
