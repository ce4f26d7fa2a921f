import type { JobsOptions } from "bullmq";
import type { z } from "zod";
import { queue, type QueueName } from "./queues";

/**
 * A job is a name, a zod schema and (in the worker) a processor; the payload is parsed on both
 * sides, so a producer can never enqueue what the processor cannot read.
 */
export type JobDefinition<S extends z.ZodType> = {
  queue: QueueName;
  name: string;
  schema: S;
  /** Deterministic id for dedupe while the job exists (no ':' and not digits only). */
  jobId?: (data: z.infer<S>) => string;
  options?: JobsOptions;
};

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>) {
  return {
    ...def,
    async enqueue(data: z.input<S>, options: JobsOptions = {}) {
      const parsed = def.schema.parse(data) as z.infer<S>;
      return queue(def.queue).add(def.name, parsed, {
        ...def.options,
        ...(def.jobId ? { jobId: def.jobId(parsed) } : {}),
        ...options,
      });
    },
  };
}
export type DefinedJob<S extends z.ZodType = z.ZodType> = ReturnType<typeof defineJob<S>>;
