import { describe, expect, it } from 'vitest';
import { isRingfenceError } from '@ringfence/common';
import { MAIN_JOB_PORTS } from '../../src/run/main-job.js';
import { runConfig } from '../../src/run/run-config.js';

describe("the main job's settings", () => {
  it('keeps the documented ports by default', () => {
    expect(runConfig({}).ports).toEqual(MAIN_JOB_PORTS);
  });

  it('moves every port from the environment, the six ops ports together, and freezes the result', () => {
    const c = runConfig({
      RUN_CONSOLE_PORT: '18080',
      RUN_INGEST_PORT: '18088',
      RUN_RISK_PORT: '50151',
      RUN_OPS_PORT_BASE: '19461',
    });
    expect(c.ports).toEqual({
      consoleHttp: 18080,
      ingestHttp: 18088,
      riskGrpc: 50151,
      ops: { ingest: 19461, scorer: 19462, sink: 19463, 'risk-api': 19464, console: 19465, exporter: 19466 },
    });
    expect(Object.isFrozen(c.ports.ops)).toBe(true);
  });

  it('refuses a bad port with CONFIG_INVALID naming the variable', () => {
    let err: unknown;
    try {
      runConfig({ RUN_CONSOLE_PORT: 'eighty' });
    } catch (e) {
      err = e;
    }
    expect(isRingfenceError(err, 'CONFIG_INVALID')).toBe(true);
    expect((err as Error).message).toContain('RUN_CONSOLE_PORT');
  });
});
