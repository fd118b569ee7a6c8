/** Per-call facts as bits, shared by the number stage and the source observations it emits. */
export const F_ANSWERED = 1;
export const F_SHORT = 2;
export const F_ONE_RING = 4;
export const F_NIGHT = 8;
export const F_SEQUENTIAL = 16;
export const F_REPEAT_AFTER_REJECT = 32;
export const F_ONNET_OUTSIDE = 64;
export const F_ATTESTATION_C = 128;
export const F_ATTESTATION_A = 256;
export const F_ASSERTED_MISMATCH = 512;
export const F_NEIGHBOUR = 1024;
export const F_VIDEO = 2048;
export const F_INVALID = 4096;
/** Rejected (cause 21) or not answered: a later call to the same callee is a repeat after rejection. */
export const F_REJECTED = 8192;

/** No attestation at all (also counted in F_ATTESTATION_C). */
export const F_ATTESTATION_NONE = 16384;
/** Entered through a trunk, carrier or device currently flagged for spoofing. */
export const F_VIA_SPOOFING_SOURCE = 32768;

/** Placed from a handset (device) currently flagged, e.g. a SIM farm. */
export const F_VIA_FLAGGED_DEVICE = 65536;

/** Identity problems strong enough to give a number the full state on its first call. */
export const F_IDENTITY = F_ONNET_OUTSIDE | F_INVALID | F_ASSERTED_MISMATCH | F_NEIGHBOUR;
