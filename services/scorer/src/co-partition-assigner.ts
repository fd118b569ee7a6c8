import { AssignerProtocol, type PartitionAssigner } from 'kafkajs';

const VERSION = 0;
const NAME = 'RingfenceCoPartitioned';

/** The partitions a member owns now, sent with every join so the next assignment can keep them. */
function encodeOwned(owned: readonly number[]): Buffer {
  const b = Buffer.alloc(4 * owned.length);
  owned.forEach((p, i) => b.writeUInt32BE(p, 4 * i));
  return b;
}

function decodeOwned(userData: Buffer | null | undefined): number[] {
  const out: number[] = [];
  if (userData === null || userData === undefined) return out;
  for (let i = 0; i + 4 <= userData.length; i += 4) out.push(userData.readUInt32BE(i));
  return out;
}

/**
 * Which member owns which partition number: as even as the members allow, and sticky (a member
 * keeps what it owned, up to its share), so a member joining or leaving moves only the partitions
 * it has to. Pure, for the assignor and its tests.
 */
export function planOwnership(
  partitions: number,
  members: readonly { memberId: string; owned: readonly number[] }[],
): Map<string, number[]> {
  const sorted = [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
  const plan = new Map<string, number[]>(sorted.map((m) => [m.memberId, []]));
  if (sorted.length === 0) return plan;
  const base = Math.floor(partitions / sorted.length);
  const extra = partitions % sorted.length;
  // Members that already own the most keep the larger shares, so fewer partitions move.
  const byOwned = [...sorted].sort((a, b) => b.owned.length - a.owned.length);
  const share = new Map(byOwned.map((m, i) => [m.memberId, base + (i < extra ? 1 : 0)]));
  const taken = new Set<number>();
  for (const m of byOwned) {
    const mine = plan.get(m.memberId)!;
    for (const p of [...m.owned].sort((a, b) => a - b)) {
      if (p >= partitions || taken.has(p) || mine.length >= share.get(m.memberId)!) continue;
      taken.add(p);
      mine.push(p);
    }
  }
  let next = 0;
  for (const m of sorted) {
    const mine = plan.get(m.memberId)!;
    while (mine.length < share.get(m.memberId)!) {
      while (taken.has(next)) next++;
      taken.add(next);
      mine.push(next);
    }
    mine.sort((a, b) => a - b);
  }
  return plan;
}

/**
 * Gives partition p of every subscribed topic to the same member (the topics are co-partitioned:
 * a number's calls, complaints, decisions and calls received all sit on partition p), spread evenly
 * and stickily over the members (planOwnership). `owned` is what this member owns now.
 */
export function coPartitionAssigner(owned: () => readonly number[]): PartitionAssigner {
  return ({ cluster }) => ({
    name: NAME,
    version: VERSION,
    assign({ members, topics }) {
      const counts = topics.map((t) => cluster.findTopicPartitionMetadata(t).length);
      const partitions = Math.max(0, ...counts);
      const plan = planOwnership(
        partitions,
        members.map((m) => ({
          memberId: m.memberId,
          owned: decodeOwned(AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.userData),
        })),
      );
      return Promise.resolve(
        members.map((m) => {
          const mine = plan.get(m.memberId) ?? [];
          const assignment: Record<string, number[]> = {};
          topics.forEach((t, i) => (assignment[t] = mine.filter((p) => p < counts[i]!)));
          return {
            memberId: m.memberId,
            memberAssignment: AssignerProtocol.MemberAssignment.encode({
              version: VERSION,
              assignment,
              userData: Buffer.alloc(0),
            }),
          };
        }),
      );
    },
    protocol({ topics }) {
      return {
        name: NAME,
        metadata: AssignerProtocol.MemberMetadata.encode({
          version: VERSION,
          topics,
          userData: encodeOwned(owned()),
        }),
      };
    },
  });
}
