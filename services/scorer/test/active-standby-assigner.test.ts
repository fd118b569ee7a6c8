import { AssignerProtocol, type Cluster, type GroupMember } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { activeStandbyAssigner } from '../src/active-standby-assigner.js';

const TOPICS = { a: 6, b: 3 };
const cluster = {
  findTopicPartitionMetadata: (topic: keyof typeof TOPICS) =>
    Array.from({ length: TOPICS[topic] }, (_, partitionId) => ({ partitionId })),
} as unknown as Cluster;

/** A member as the group leader sees it: the metadata its own assignor instance sent at join. */
function member(memberId: string, claim: number): GroupMember {
  const assigner = activeStandbyAssigner(() => claim)({ cluster, groupId: 'g', logger: undefined as never });
  return { memberId, memberMetadata: assigner.protocol({ topics: Object.keys(TOPICS) }).metadata };
}

async function assign(members: GroupMember[]): Promise<Map<string, Record<string, number[]>>> {
  const leader = activeStandbyAssigner(() => 0)({ cluster, groupId: 'g', logger: undefined as never });
  const out = await leader.assign({ members, topics: Object.keys(TOPICS) });
  return new Map(
    out.map((a) => [
      a.memberId,
      AssignerProtocol.MemberAssignment.decode(a.memberAssignment)?.assignment ?? {},
    ]),
  );
}

const everything = { a: [0, 1, 2, 3, 4, 5], b: [0, 1, 2] };

describe('activeStandbyAssigner', () => {
  it('gives every partition to the member that claims the most, whoever leads the group', async () => {
    const got = await assign([member('m-a', 0), member('m-b', 1_700_000_000_000), member('m-c', 0)]);
    expect(got.get('m-b')).toEqual(everything);
    expect(got.get('m-a')).toEqual({});
    expect(got.get('m-c')).toEqual({});
  });

  it('prefers the later activation when a cut-off instance comes back still claiming', async () => {
    const got = await assign([member('m-old', 1_000), member('m-new', 2_000)]);
    expect(got.get('m-new')).toEqual(everything);
    expect(got.get('m-old')).toEqual({});
  });

  it('picks the lowest member id when nobody claims, so every leader decides the same', async () => {
    const members = [member('m-z', 0), member('m-b', 0), member('m-k', 0)];
    expect((await assign(members)).get('m-b')).toEqual(everything);
    expect((await assign([...members].reverse())).get('m-b')).toEqual(everything);
  });
});
