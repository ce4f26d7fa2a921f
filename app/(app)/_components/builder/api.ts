/**
 * The dashboard's calls to /api/v1 from the browser: the session cookie authenticates, the
 * x-workspace header names the workspace, and errors come back as problem+json with field paths.
 */
export type Problem = { status: number; code: string; title: string; detail?: string; errors?: { path: string; message: string; code: string }[] };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; problem: Problem };

export async function callApi<T>(workspaceId: string, path: string, init: { method: string; body?: unknown }): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method: init.method,
      headers: { "x-workspace": workspaceId, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, problem: { status: 0, code: "network", title: "Replyflow could not be reached. Check your connection and try again." } };
  }
  if (res.status === 204) return { ok: true, data: null as T };
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, data: body as T };
  const p = (body ?? {}) as Partial<Problem>;
  return { ok: false, problem: { status: res.status, code: p.code ?? "internal_error", title: p.title ?? "Something went wrong", detail: p.detail, errors: p.errors } };
}

export function problemMessage(p: Problem): string {
  return p.detail ?? p.title;
}
