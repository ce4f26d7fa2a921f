import type { SimContext } from "../context";
import { GraphError } from "../errors";
import type { Account } from "../world";
import { username } from "./text-pool";

/** The scenario's account: the one named, else the OAuth login account, else the test account. */
export function scenarioAccount(ctx: SimContext, accountId: string | undefined): Account {
  const id = accountId ?? ctx.config.oauthAccountId ?? ctx.options.testAccount?.id;
  const account = id ? ctx.world.accounts.get(id) : undefined;
  if (!account) throw new GraphError("adminInvalid", { detail: `scenario account ${id ?? "(none configured)"} does not exist` });
  return account;
}

/** `size` people for one account, created the first time each one acts. */
export class UserPool {
  private readonly ids: (string | undefined)[];
  created = 0;

  constructor(
    private readonly ctx: SimContext,
    private readonly accountId: string,
    readonly size: number,
  ) {
    this.ids = new Array<string | undefined>(size);
  }

  at(index: number): string {
    const existing = this.ids[index];
    if (existing) return existing;
    const user = this.ctx.world.ensureUser(this.accountId, undefined, username(this.ctx.rng));
    this.ids[index] = user.igsid;
    this.created++;
    return user.igsid;
  }

  random(): string {
    return this.at(this.ctx.rng.int(this.size));
  }

  /** Every person acts once before anyone acts twice, then picks are random. */
  forAction(i: number): string {
    return i < this.size ? this.at(i) : this.random();
  }
}
