import { key } from "@/lib/redis";

/** Sends parked while their account cannot send (reconnect required, paused): per account, plus the accounts that have any. */
export const parkingKeys = {
  account: (accountId: string) => key("parked", accountId),
  accounts: () => key("parked-accounts"),
};

/** A parked job sleeps this long at most; waking early is the sweep's job (resume-parked-sends.ts). */
export const PARK_MS = 3_600_000;
