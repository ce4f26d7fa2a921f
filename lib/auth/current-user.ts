import { headers } from "next/headers";
import { cache } from "react";
import { readSessionUser } from "./session";

/** The signed-in user for this page render, read once per request however many components ask. */
export const currentUser = cache(async () => readSessionUser(await headers()));
