import { defineConfig } from "vitest/config";

// The console is served by the EAR at /console (api-war's WEB-INF/lib/console.jar, from
// META-INF/resources): same origin as /api/v1, so no CORS, and one strict CSP (ConsoleCspFilter).
export default defineConfig({
  base: "/console/",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "target/classes/META-INF/resources/console",
    emptyOutDir: true,
    // No inline script anywhere: the CSP allows 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
