import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    ignores: [".next/**", ".data/**", ".data-*/**", "lib/generated/**", "contracts/build/**", "test-results/**", "playwright-report/**", ".stryker-tmp/**", "reports/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    // Vitest and Playwright code is not React: `useTestDatabase()` is a fixture, not a hook.
    files: ["tests/**", "e2e/**", "**/*.test.ts", "**/*.test.tsx", "bench/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
