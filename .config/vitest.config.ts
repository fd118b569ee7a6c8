import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          root,
          // The deploy, bench-goals, alert-rules and dashboard tests read files and data only: no servers, so no test-scope sweep either.
          include: [
            'services/*/test/**/*.test.ts',
            'test/deploy.test.ts',
            'test/bench-goals.test.ts',
            'test/alert-rules.test.ts',
            'test/grafana-dashboard.test.ts',
          ],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          root,
          include: ['services/*/test/**/*.int.test.ts', 'test/**/*.test.ts'],
          exclude: [
            '**/node_modules/**',
            'test/deploy.test.ts',
            'test/bench-goals.test.ts',
            'test/alert-rules.test.ts',
            'test/grafana-dashboard.test.ts',
          ],
          // One Kafka broker and one ClickHouse server on 2 cores: files run one at a time.
          fileParallelism: false,
          globalSetup: ['test/support/sweep-test-scopes.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
