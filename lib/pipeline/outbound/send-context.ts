import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { PipelineAccount } from "../cache/account-cache";
import type { TenantPlan } from "../cache/tenant-plan-cache";
import type { TSendOutboundJob } from "../jobs/send-outbound-job";

/** Everything one send job works with once the account and plan are known. */
export type SendContext = {
  job: Job;
  token: string | undefined;
  log: Logger;
  data: TSendOutboundJob;
  account: PipelineAccount & { token: string };
  plan: TenantPlan;
  /** UsageCounter period the claim reserved in. */
  period: string;
};
