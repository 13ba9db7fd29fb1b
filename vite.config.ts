import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the built site: scripts, workers, styles and
 * images from the site itself only, and no network connections at all (the app
 * never fetches; the library and tours are bundled). `data:` images allow the
 * empty favicon. It goes into index.html as a meta tag, so it holds on any
 * static host; the dev server is left without it, since its hot reload needs
 * inline scripts and a socket.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'raftviz-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
});

export default defineConfig({
  // Relative asset URLs, so the static build works from any base path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  server: { host: '127.0.0.1' },
  test: {
    include: ['engine/**/*.test.ts', 'app/**/*.test.{ts,tsx}'],
    environment: 'node',
    // These machines are shared and noisy: a test fails for what it asserts, never for being slow
    // (speed targets live in `npm run bench`). The suite's slowest tests take a few seconds alone.
    testTimeout: 30_000,
  },
});
