// A fault for the stall tests, loaded into a service process (scorer, sink) with `node --import`: on
// SIGUSR2, every kafkajs consumer group that has fetched so far stops fetching (no fetch of it
// returns again), as a kafkajs consumer can; groups that first fetch afterwards are not touched. What
// the tests show is the service noticing, by its own watchdog, that it consumes nothing while input
// waits.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ConsumerGroup = require('kafkajs/src/consumer/consumerGroup.js');
const fetch = ConsumerGroup.prototype.fetch;
const firstFetch = new WeakMap();
let stalledAt = 0;

process.on('SIGUSR2', () => {
  stalledAt = Date.now();
});

ConsumerGroup.prototype.fetch = function (...args) {
  if (!firstFetch.has(this)) firstFetch.set(this, Date.now());
  const stalled = () => firstFetch.get(this) < stalledAt;
  if (stalled()) return new Promise(() => undefined);
  // A fetch under way when the stall begins never returns either: nothing reaches the service after.
  return fetch.apply(this, args).then((batches) => (stalled() ? new Promise(() => undefined) : batches));
};
