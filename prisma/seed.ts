import { parseArgs } from "node:util";
import { disconnectDb } from "@/lib/db";
import { exitOnInvalidEnv } from "@/lib/env";
import { seedDemoTenant, seedPlans } from "./seed-data";

// npm run db:seed            → plans (Free, Pro, Business)
// npm run db:seed -- --demo  → plans and a demo workspace
exitOnInvalidEnv("seed");
const { values } = parseArgs({ options: { demo: { type: "boolean", default: false } } });
try {
  const plans = await seedPlans();
  process.stdout.write(`Plans ready: ${Object.keys(plans).join(", ")}\n`);
  if (values.demo) {
    const tenant = await seedDemoTenant();
    process.stdout.write(`Demo workspace ready: ${tenant.name} (/${tenant.slug})\n`);
  }
} finally {
  await disconnectDb();
}
