/**
 * Every feature the rules can name, in the order of the feature vector, with the window it is
 * measured over ("" for lifetime facts). Rules refer to features by these names.
 */
export const FEATURES = [
  ['attempts_10m', '10m'],
  ['attempts_1h', '1h'],
  ['attempts_24h', '24h'],
  ['burst_ratio', '1h'],
  ['distinct_callees_24h', '24h'],
  ['distinct_ratio', '24h'],
  ['distinct_blocks_24h', '24h'],
  ['callees_per_block', '24h'],
  ['distinct_regions_24h', '24h'],
  ['answer_ratio', '24h'],
  ['short_ratio', '24h'],
  ['mean_talk_s', '24h'],
  ['one_ring_ratio', '24h'],
  ['sequential_ratio', '24h'],
  ['max_calls_one_callee', '24h'],
  ['repeat_after_reject', '24h'],
  ['night_share', '24h'],
  ['complaints_24h', '24h'],
  ['complaints_total', ''],
  ['complaint_rate', ''],
  ['complaint_reporters', ''],
  ['number_age_h', ''],
  ['invalid_share', '24h'],
  ['onnet_outside_share', '24h'],
  ['attestation_c_share', '24h'],
  ['attestation_a_share', '24h'],
  ['asserted_mismatch_share', '24h'],
  ['neighbour_share', '24h'],
  ['video_share', '24h'],
  ['attestation_none_share', '24h'],
  ['spoofing_source_share', '24h'],
  ['flagged_device_share', '24h'],
  ['distinct_suspect_callers_24h', '24h'],
  ['distinct_callers_24h', '24h'],
  ['calls_per_caller', '24h'],
  ['calls_received_24h', '24h'],
  ['made_received_ratio', '24h'],
  ['received_recently', '48h'],
  ['campaign_members', ''],
  ['night_repeat_calls', '48h'],
  ['night_repeat_nights', '48h'],
  ['callee_repeats', ''],
  ['repeat_callee_calls', '7d'],
  ['repeat_callee_days', '7d'],
  ['watched_before_h', ''],
  ['top_callee_talk_s', '24h'],
  ['attestation_in_use', ''],
] as const;

export type FeatureName = (typeof FEATURES)[number][0];

export const FEATURE_NAMES: readonly FeatureName[] = FEATURES.map((f) => f[0]);

export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(
  FEATURES.map((f, i) => [f[0], i]),
) as Record<FeatureName, number>;

export const FEATURE_WINDOW: readonly string[] = FEATURES.map((f) => f[1]);

export const FEATURE_COUNT = FEATURES.length;
