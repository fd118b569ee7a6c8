import { keyPartition } from '@ringfence/common';

/**
 * The cdr.v1 partition that holds a number's calls (and, co-partitioned, its complaints): the
 * ingest producer keys each CDR by its calling number and Kafka's default partitioner places it.
 * The engine keeps each partition's numbers in a stage of their own, so this is also the stage
 * that counts the calls a number receives.
 */
export function numberPartition(key: string, partitions: number): number {
  return keyPartition(key, partitions);
}

/**
 * The scorer.source-events.v1 partition (and source stage) of a source: FNV-1a of `<kind>:<id>`,
 * stable across processes and versions, so one source stage owns each source's whole history.
 */
export function sourcePartition(kind: string, id: string, partitions: number): number {
  if (partitions === 1) return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < kind.length; i++) {
    h ^= kind.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= 0x3a; // ':'
  h = Math.imul(h, 0x01000193);
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}
