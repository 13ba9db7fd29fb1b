import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset URLs, so the static build works from any base path.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['engine/**/*.test.ts', 'app/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
