/** Settings every test process starts from; each integration file then gets its own database and Redis prefix. */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: "test",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/replyflow_test",
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  REDIS_PREFIX: "{rftest}",
  APP_URL: "http://127.0.0.1:3000",
  AUTH_SECRET: "test-auth-secret-0123456789abcdef0123456789",
  TOKEN_ENCRYPTION_KEYS: "t1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
  INSTAGRAM_APP_ID: "replyflow-test-app",
  INSTAGRAM_APP_SECRET: "test-instagram-app-secret",
  WEBHOOK_VERIFY_TOKEN: "test-verify-token",
  GRAPH_API_BASE_URL: "http://127.0.0.1:4999",
  GRAPH_OAUTH_BASE_URL: "http://127.0.0.1:4999",
  GRAPH_AUTHORIZE_BASE_URL: "http://127.0.0.1:4999",
  MAIL_TRANSPORT: "file://./.data/test-mail",
};

export function applyTestEnv(overrides: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries({ ...TEST_ENV, ...overrides })) process.env[k] = v;
}
