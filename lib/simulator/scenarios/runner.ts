import { z } from "zod";
import type { SimContext } from "../context";
import { GraphError } from "../errors";
import { performAction, type TUserAction } from "../user-actions";

/**
 * A scenario is a set of streams, each "this many user actions, evenly spread over this long";
 * a stream's `next(i)` says what the i-th action is. The runner paces every stream from one
 * timer, never runs past `durationMs` plus a short grace, and stops by itself.
 */
export const MAX_ACTIONS = 1_000_000;
export const MAX_DURATION_MS = 3_600_000;
const TICK_MS = 10;
/** Keeps one tick from monopolising the event loop when a stream is far behind. */
const MAX_PER_TICK = 2_000;
const GRACE_MS = 5_000;
const RUNS_KEPT = 50;

export const zCount = (def: number) => z.coerce.number().int().min(1).max(MAX_ACTIONS).default(def);
export const zDuration = (def: number) => z.coerce.number().int().min(0).max(MAX_DURATION_MS).default(def);
export const zRatio = (def: number) => z.coerce.number().min(0).max(1).default(def);

export type Stream = { name: string; count: number; durationMs: number; next(i: number): TUserAction };
export type ScenarioScript = { streams: Stream[]; summary?: () => Record<string, unknown> };

export type ScenarioDefinition<P = unknown> = {
  name: string;
  description: string;
  params: z.ZodType<P>;
  build(ctx: SimContext, params: P): ScenarioScript;
};

export type ScenarioRunView = {
  id: string;
  name: string;
  status: "running" | "finished" | "stopped";
  params: unknown;
  startedAt: number;
  finishedAt: number | null;
  planned: number;
  emitted: number;
  byType: Record<string, number>;
  errors: number;
  lastError: string | null;
  summary: Record<string, unknown>;
};

export type ScenarioRun = { id: string; view(): ScenarioRunView; done: Promise<ScenarioRunView>; stop(): void };

type Running = { view: ScenarioRunView; timer: NodeJS.Timeout | null; finish(status: ScenarioRunView["status"]): void };

export class ScenarioManager {
  private readonly runs = new Map<string, Running>();
  private seq = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly definitions: readonly ScenarioDefinition<never>[],
  ) {}

  list(): { name: string; description: string }[] {
    return this.definitions.map((d) => ({ name: d.name, description: d.description }));
  }

  run(name: string, rawParams: unknown): ScenarioRun {
    const def = this.definitions.find((d) => d.name === name) as ScenarioDefinition<unknown> | undefined;
    if (!def) throw new GraphError("adminNotFound", { detail: `unknown scenario ${name}; known: ${this.definitions.map((d) => d.name).join(", ")}` });
    const params = def.params.parse(rawParams ?? {});
    const script = def.build(this.ctx, params);
    const planned = script.streams.reduce((n, s) => n + s.count, 0);
    if (planned > MAX_ACTIONS) throw new GraphError("adminInvalid", { detail: `a scenario may plan at most ${MAX_ACTIONS} actions (got ${planned})` });
    const id = `run_${++this.seq}`;
    const view: ScenarioRunView = {
      id, name, status: "running", params, startedAt: Date.now(), finishedAt: null, planned, emitted: 0, byType: {}, errors: 0, lastError: null, summary: {},
    };
    let resolveDone!: (v: ScenarioRunView) => void;
    const done = new Promise<ScenarioRunView>((r) => (resolveDone = r));
    const running: Running = {
      view,
      timer: null,
      finish: (status) => {
        if (view.status !== "running") return;
        if (running.timer) clearInterval(running.timer);
        running.timer = null;
        view.status = status;
        view.finishedAt = Date.now();
        view.summary = script.summary?.() ?? {};
        this.ctx.log.info({ run: id, scenario: name, status, emitted: view.emitted, errors: view.errors }, "scenario finished");
        resolveDone({ ...view });
      },
    };
    this.remember(id, running);
    const sent = script.streams.map(() => 0);
    const deadline = view.startedAt + Math.max(...script.streams.map((s) => s.durationMs), 0) + GRACE_MS;
    const tick = () => {
      const elapsed = Date.now() - view.startedAt;
      let budget = MAX_PER_TICK;
      let remaining = 0;
      script.streams.forEach((stream, s) => {
        const due = stream.durationMs === 0 ? stream.count : Math.min(stream.count, Math.floor((elapsed * stream.count) / stream.durationMs) + 1);
        while ((sent[s] as number) < due && budget > 0) {
          this.perform(view, stream.next(sent[s] as number));
          sent[s] = (sent[s] as number) + 1;
          budget--;
        }
        remaining += stream.count - (sent[s] as number);
      });
      if (remaining === 0) running.finish("finished");
      else if (Date.now() > deadline) running.finish("stopped");
    };
    running.timer = setInterval(tick, TICK_MS);
    tick();
    return { id, view: () => ({ ...view }), done, stop: () => running.finish("stopped") };
  }

  private perform(view: ScenarioRunView, action: TUserAction): void {
    try {
      performAction(this.ctx, action);
      view.emitted++;
      view.byType[action.type] = (view.byType[action.type] ?? 0) + 1;
    } catch (err) {
      view.errors++;
      view.lastError = err instanceof Error ? err.message : String(err);
    }
  }

  private remember(id: string, running: Running): void {
    this.runs.set(id, running);
    if (this.runs.size > RUNS_KEPT) {
      for (const [oldId, r] of this.runs) {
        if (r.view.status !== "running") {
          this.runs.delete(oldId);
          break;
        }
      }
    }
  }

  get(id: string): ScenarioRunView | undefined {
    const r = this.runs.get(id);
    return r ? { ...r.view } : undefined;
  }

  all(): ScenarioRunView[] {
    return [...this.runs.values()].map((r) => ({ ...r.view }));
  }

  stop(id: string): boolean {
    const r = this.runs.get(id);
    if (!r) return false;
    r.finish("stopped");
    return true;
  }

  stopAll(): void {
    for (const r of this.runs.values()) r.finish("stopped");
  }
}
