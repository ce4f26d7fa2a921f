import type { NextRequest } from "next/server";
import { nextAuth } from "@/lib/auth/next-auth";

// next-auth's own endpoints: credentials callback, sign-out, CSRF token, session.
export const GET = (request: NextRequest) => nextAuth().handlers.GET(request);
export const POST = (request: NextRequest) => nextAuth().handlers.POST(request);
