import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/current-user";

/** Everything under (app) needs a signed-in user; the workspace layout adds the app shell. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) {
    // proxy.ts passes the requested path; sign-in only ever follows a path on this site (safeNextPath).
    const path = (await headers()).get("x-rf-path");
    redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  }
  return children;
}
