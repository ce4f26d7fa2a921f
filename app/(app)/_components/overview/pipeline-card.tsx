import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { PipelineDepth, QueueDepth } from "@/lib/dashboard/queue-depth";
import { formatNumber } from "@/lib/dashboard/format";

function Row({ name, q }: { name: string; q: QueueDepth }) {
  const busy = q.waiting > 1_000;
  return (
    <div className="py-2 text-sm">
      <span className="flex items-center gap-2 font-medium text-zinc-800">
        <span aria-hidden className={cn("size-2 rounded-full", busy ? "bg-amber-500" : "bg-emerald-500")} />
        {name}
      </span>
      <span className="mt-0.5 block pl-4 text-xs text-zinc-600 tabular-nums">
        {formatNumber(q.waiting)} waiting · {formatNumber(q.active)} in progress · {formatNumber(q.delayed)} scheduled
      </span>
    </div>
  );
}

/** The delivery service's queues (shared by every workspace): are events and sends flowing? */
export function PipelineCard({ pipeline }: { pipeline: PipelineDepth | null }) {
  return (
    <Card aria-labelledby="pipeline-title">
      <CardHeader id="pipeline-title" title="Delivery pipeline" description="Replyflow's queues right now." />
      <CardBody className="py-2">
        {pipeline ? (
          <div className="divide-y divide-zinc-100">
            <Row name="Incoming events" q={pipeline.events} />
            <Row name="Outgoing replies" q={pipeline.outbound} />
          </div>
        ) : (
          <p className="py-2 text-sm text-zinc-600">Queue state is unavailable right now; sends continue in the background.</p>
        )}
      </CardBody>
    </Card>
  );
}
