import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

const VERSION = 0;
const NAME = 'RingfenceActiveStandby';

/**
 * A member's claim to be the active scorer, sent with every group join: 0 for a standby, otherwise
 * the time it became active (kept above any snapshot it restored, so a later activation always
 * claims more than an earlier one, even when the earlier one's process is still alive and rejoins).
 */
function encodeClaim(claim: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleBE(claim, 0);
  return b;
}

function decodeClaim(userData: Buffer | null | undefined): number {
  return userData !== null && userData !== undefined && userData.length >= 8 ? userData.readDoubleBE(0) : 0;
}

/**
 * Gives every partition of the subscribed topics to one member: the one with the highest claim (the
 * current active keeps its partitions when members join or leave), else the lowest member id. The
 * scorer's engine state spans all partitions (docs/scaling.md), so partitions cannot be split between
 * instances; the others stand by and take over, from the latest snapshot, when the active one leaves
 * the group or is cut off from it.
 */
export function activeStandbyAssigner(claim: () => number): PartitionAssigner {
  return ({ cluster }) => ({
    name: NAME,
    version: VERSION,
    assign({ members, topics }) {
      let chosen: { memberId: string; claim: number } | undefined;
      for (const m of [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : 1))) {
        const c = decodeClaim(AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.userData);
        if (chosen === undefined || c > chosen.claim) chosen = { memberId: m.memberId, claim: c };
      }
      const all: Record<string, number[]> = {};
      for (const topic of topics)
        all[topic] = cluster.findTopicPartitionMetadata(topic).map((p) => p.partitionId);
      return Promise.resolve(
        members.map((m) => ({
          memberId: m.memberId,
          memberAssignment: AssignerProtocol.MemberAssignment.encode({
            version: VERSION,
            assignment: m.memberId === chosen?.memberId ? all : {},
            userData: Buffer.alloc(0),
          }),
        })),
      );
    },
    protocol({ topics }) {
      return {
        name: NAME,
        metadata: AssignerProtocol.MemberMetadata.encode({
          version: VERSION,
          topics,
          userData: encodeClaim(claim()),
        }),
      };
    },
  });
}
