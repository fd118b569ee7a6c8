// int64 fields carry epoch milliseconds and counts, all far below 2^53. Without
// this, protobufjs decodes them into Long objects whenever the `long` package is
// installed (grpc's proto-loader pulls it in), which allocates on the hot path.
// Must be evaluated before the generated module, which reads util.Long at load.
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();
