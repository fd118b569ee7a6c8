// Vitest global setup of the integration tests. Each test file makes its own topics and database on
// the shared local stack; scopes left by earlier (or killed) runs go before this run and this run's
// after it, so the stack does not grow from run to run.
import { sweepTestScopes } from '@ringfence/common/testing';

async function sweep(when: 'before' | 'after'): Promise<void> {
  try {
    const { topics, databases } = await sweepTestScopes();
    if (topics + databases > 0) {
      process.stdout.write(
        `swept ${topics} test topics and ${databases} test databases ${when} the integration tests\n`,
      );
    }
  } catch (err) {
    // A stack that is down fails the tests themselves, with their own errors.
    process.stderr.write(
      `test scope sweep ${when} the integration tests not done: ${(err as Error).message}\n`,
    );
  }
}

export async function setup(): Promise<void> {
  await sweep('before');
}

export async function teardown(): Promise<void> {
  await sweep('after');
}
