import { describe, expect, it } from "vitest";
import { rateClassesFor, scheduleClassFor } from "@/lib/pipeline/outbound/rate-classes";

describe("the per-account call classes a send consumes", () => {
  it("private replies to posts spend the 750/hour budget and a send slot; the hourly one is scheduled", () => {
    expect(rateClassesFor("private_reply")).toEqual(["private_reply", "send"]);
    expect(scheduleClassFor("private_reply")).toBe("private_reply");
  });

  it("private replies on a Live broadcast spend only a send slot, so they go out while it lasts", () => {
    expect(rateClassesFor("private_reply", true)).toEqual(["send"]);
    expect(scheduleClassFor("private_reply", true)).toBe("send");
  });

  it("DMs send, public replies reply, hiding and webhooks take no Meta budget", () => {
    expect(rateClassesFor("dm")).toEqual(["send"]);
    expect(rateClassesFor("public_reply")).toEqual(["comment_reply"]);
    expect(rateClassesFor("hide_comment")).toEqual([]);
    expect(rateClassesFor("webhook")).toEqual([]);
  });
});
