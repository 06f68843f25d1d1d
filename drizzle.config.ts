import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src/main/db/schema.ts', './src/main/db/auth-schema.ts', './src/main/db/notifications-schema.ts', './src/main/db/cloud-webhook-schema.ts'],
  out: './drizzle',
});
