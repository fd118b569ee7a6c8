import type { ServiceDefinition } from '@grpc/grpc-js';
import {
  riskv1,
  type CheckBatchRequest,
  type CheckBatchResponse,
  type CheckRequest,
  type CheckResponse,
  type ICheckBatchRequest,
  type ICheckBatchResponse,
  type ICheckRequest,
  type ICheckResponse,
} from '@ringfence/proto';
import { CheckAnswer, encodeCheckAnswer } from './check-response.js';

export const RISK_SERVICE_NAME = 'ringfence.risk.v1.RiskService';

// protobufjs' BufferWriter returns a Buffer under Node, so no copy is needed here.
const serializeCheckRequest = (m: ICheckRequest): Buffer => riskv1.CheckRequest.encode(m).finish() as Buffer;
const deserializeCheckRequest = (b: Buffer): CheckRequest => riskv1.CheckRequest.decode(b);
// The server answers a Check with a CheckAnswer (its encoded answer is cached); a client encodes
// whatever response object it is given.
const serializeCheckResponse = (m: ICheckResponse | CheckAnswer): Buffer =>
  m instanceof CheckAnswer ? encodeCheckAnswer(m) : (riskv1.CheckResponse.encode(m).finish() as Buffer);
const deserializeCheckResponse = (b: Buffer): CheckResponse => riskv1.CheckResponse.decode(b);
const serializeBatchRequest = (m: ICheckBatchRequest): Buffer =>
  riskv1.CheckBatchRequest.encode(m).finish() as Buffer;
const deserializeBatchRequest = (b: Buffer): CheckBatchRequest => riskv1.CheckBatchRequest.decode(b);
const serializeBatchResponse = (m: ICheckBatchResponse): Buffer =>
  riskv1.CheckBatchResponse.encode(m).finish() as Buffer;
const deserializeBatchResponse = (b: Buffer): CheckBatchResponse => riskv1.CheckBatchResponse.decode(b);

/** RiskService with the static protobufjs codecs (no proto-loader on the hot path). */
export const riskServiceDefinition = {
  Check: {
    path: `/${RISK_SERVICE_NAME}/Check`,
    requestStream: false,
    responseStream: false,
    requestSerialize: serializeCheckRequest,
    requestDeserialize: deserializeCheckRequest,
    responseSerialize: serializeCheckResponse,
    responseDeserialize: deserializeCheckResponse,
    originalName: 'check',
  },
  CheckBatch: {
    path: `/${RISK_SERVICE_NAME}/CheckBatch`,
    requestStream: false,
    responseStream: false,
    requestSerialize: serializeBatchRequest,
    requestDeserialize: deserializeBatchRequest,
    responseSerialize: serializeBatchResponse,
    responseDeserialize: deserializeBatchResponse,
    originalName: 'checkBatch',
  },
  CheckStream: {
    path: `/${RISK_SERVICE_NAME}/CheckStream`,
    requestStream: true,
    responseStream: true,
    requestSerialize: serializeBatchRequest,
    requestDeserialize: deserializeBatchRequest,
    responseSerialize: serializeBatchResponse,
    responseDeserialize: deserializeBatchResponse,
    originalName: 'checkStream',
  },
} as const satisfies ServiceDefinition;
