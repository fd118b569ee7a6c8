import { K, RICH_BYTES, RichState, countPending } from './subject-state.js';

/** Regions per slab: one ArrayBuffer per promoted subject costs far more than its arrays' own use. */
const SLAB_STATES = 64;
/** Regions kept for reuse at most; beyond it, evicted subjects' memory goes back to the collector. */
const FREE_CAP = 65_536;

/**
 * The typed memory of one stage's subjects: slab regions for the windows of promoted subjects
 * (backing-store bookkeeping and the GC pressure of external memory make one ArrayBuffer each far
 * dearer), and one K-wide row of pending counts per tiny source in a shared array instead of an
 * array per object. Memory of evicted subjects is reused; each stage owns its own, so engines in
 * one process share nothing and a dropped engine's memory goes with it.
 */
export class StateMemory {
  private readonly free: Uint8Array[] = [];
  private slab = new ArrayBuffer(0);
  private slabNext = SLAB_STATES;
  private rows = new Uint32Array(K * 1024);
  private rowsNext = 0;
  private readonly rowsFree: number[] = [];

  /** Windows for a newly promoted subject. */
  rich(): RichState {
    const reused = this.free.pop();
    if (reused !== undefined) return new RichState(reused.fill(0));
    if (this.slabNext === SLAB_STATES) {
      this.slab = new ArrayBuffer(RICH_BYTES * SLAB_STATES);
      this.slabNext = 0;
    }
    return new RichState(new Uint8Array(this.slab, RICH_BYTES * this.slabNext++, RICH_BYTES));
  }

  /** Takes back an evicted subject's windows; the RichState must not be used after. */
  releaseRich(r: RichState): void {
    if (this.free.length < FREE_CAP) this.free.push(r.region);
  }

  /** A zeroed row of pending counts; returns its offset in pendingRows. */
  pendingAlloc(): number {
    const reused = this.rowsFree.pop();
    if (reused !== undefined) {
      this.rows.fill(0, reused, reused + K);
      return reused;
    }
    if (this.rowsNext + K > this.rows.length) {
      const grown = new Uint32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const at = this.rowsNext;
    this.rowsNext += K;
    return at;
  }

  /** Frees a row (an offset below 0 means none). */
  pendingRelease(at: number): void {
    if (at >= 0) this.rowsFree.push(at);
  }

  /** The array holding every pending row (re-read after pendingAlloc, which may grow it). */
  get pendingRows(): Uint32Array {
    return this.rows;
  }

  /** Counts one call into the row at `at`. */
  pendingRecord(at: number, flags: number, talkSec: number): void {
    countPending(this.rows, at, flags, talkSec);
  }
}
