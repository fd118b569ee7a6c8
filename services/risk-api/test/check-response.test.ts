import { Level, riskv1, SubjectKind } from '@ringfence/proto';
import { describe, expect, it } from 'vitest';
import { Decision, NO_RISK } from '../src/answer.js';
import { CheckAnswer, encodeCheckAnswer, toResponse } from '../src/check-response.js';
import { createPolicy } from '../src/policy.js';
import { highVerdict, testConfig } from './support.js';

describe('Check response encoding', () => {
  const policy = createPolicy(testConfig());
  const answers = {
    none: NO_RISK,
    high: policy.verdictAnswer(
      highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, '+8613900000001', 'scam'),
      'number',
    ),
    medium: policy.verdictAnswer(
      {
        ...highVerdict(SubjectKind.SUBJECT_KIND_NUMBER, '+8613900000002', 'robocall', 55),
        level: Level.LEVEL_MEDIUM,
      },
      'number',
    ),
    blocklisted: policy.verdictAnswer({ id: '+8613900000003', override: 'blocklist' }, 'number'),
    allowlisted: policy.allowlisted,
  };
  const ids = ['', 'r-1', 'é'.repeat(70), 'x'.repeat(20_000)];

  // Update times across every varint length, and one protobufjs must encode (negative).
  const times = [0, 1, 127, 128, 16_383, 16_384, 1_700_000_000_000, Number.MAX_SAFE_INTEGER, -1];

  it('gives the bytes the CheckResponse encoding of the same response gives, for every answer, time and request id', () => {
    for (const [name, answer] of Object.entries(answers)) {
      for (const ms of times) {
        for (const id of ids) {
          const d = new Decision(answer, ms);
          const plain = Buffer.from(riskv1.CheckResponse.encode(toResponse(id, d)).finish());
          expect(
            encodeCheckAnswer(new CheckAnswer(id, d)).equals(plain),
            `${name}, ${ms}, id of ${id.length}`,
          ).toBe(true);
        }
      }
    }
  });

  it('decodes to the request id and the answer, also when the answer is encoded a second time', () => {
    const first = riskv1.CheckResponse.decode(
      encodeCheckAnswer(new CheckAnswer('a', new Decision(answers.high, 1_700_000_000_000))),
    );
    const again = riskv1.CheckResponse.decode(
      encodeCheckAnswer(new CheckAnswer('b', new Decision(answers.high, 1_700_000_000_000))),
    );
    expect(first.requestId).toBe('a');
    expect(again.requestId).toBe('b');
    expect({ ...again.toJSON(), requestId: 'a' }).toEqual(first.toJSON());
    expect(first.category).toBe('scam');
    expect(first.reasons[0]?.code).toBe('CALLS_PER_HOUR');
  });
});
