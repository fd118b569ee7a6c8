import './long-as-number.js';
import { fileURLToPath } from 'node:url';
import { ringfence } from './gen/ringfence.js';

export { encodeCdr } from './cdr-encoder.js';
export { readDelimitedEnd, readVarint, writeVarint } from './wire.js';

export const cdrv1 = ringfence.cdr.v1;
export const riskv1 = ringfence.risk.v1;
export const feedbackv1 = ringfence.feedback.v1;
export const scorerv1 = ringfence.scorer.v1;

export type CallDetailRecord = ringfence.cdr.v1.CallDetailRecord;
export type ICallDetailRecord = ringfence.cdr.v1.ICallDetailRecord;
export type ComplaintEvent = ringfence.cdr.v1.ComplaintEvent;
export type IComplaintEvent = ringfence.cdr.v1.IComplaintEvent;
export type DeadLetter = ringfence.cdr.v1.DeadLetter;
export type IDeadLetter = ringfence.cdr.v1.IDeadLetter;
export type INumber = ringfence.cdr.v1.INumber;
export type RiskVerdict = ringfence.risk.v1.RiskVerdict;
export type IRiskVerdict = ringfence.risk.v1.IRiskVerdict;
export type IReason = ringfence.risk.v1.IReason;
export type ILevelReached = ringfence.risk.v1.ILevelReached;
export type Alert = ringfence.risk.v1.Alert;
export type IAlert = ringfence.risk.v1.IAlert;
export type CheckRequest = ringfence.risk.v1.CheckRequest;
export type ICheckRequest = ringfence.risk.v1.ICheckRequest;
export type CheckResponse = ringfence.risk.v1.CheckResponse;
export type ICheckResponse = ringfence.risk.v1.ICheckResponse;
export type ICheckError = ringfence.risk.v1.ICheckError;
export type CheckBatchRequest = ringfence.risk.v1.CheckBatchRequest;
export type ICheckBatchRequest = ringfence.risk.v1.ICheckBatchRequest;
export type CheckBatchResponse = ringfence.risk.v1.CheckBatchResponse;
export type ICheckBatchResponse = ringfence.risk.v1.ICheckBatchResponse;
export type Feedback = ringfence.feedback.v1.Feedback;
export type IFeedback = ringfence.feedback.v1.IFeedback;
export type ISourceObservation = ringfence.scorer.v1.ISourceObservation;
export type IStageSnapshot = ringfence.scorer.v1.IStageSnapshot;
export type SnapshotCompressionCode = ringfence.scorer.v1.SnapshotCompression;

export const Media = ringfence.cdr.v1.Media;
export type Media = ringfence.cdr.v1.Media;
export const Attestation = ringfence.cdr.v1.Attestation;
export type Attestation = ringfence.cdr.v1.Attestation;
export const CallingLocation = ringfence.cdr.v1.CallingLocation;
export type CallingLocation = ringfence.cdr.v1.CallingLocation;
export const ComplaintCategory = ringfence.cdr.v1.ComplaintCategory;
export type ComplaintCategory = ringfence.cdr.v1.ComplaintCategory;
export const Level = ringfence.risk.v1.Level;
export type Level = ringfence.risk.v1.Level;
export const SubjectKind = ringfence.risk.v1.SubjectKind;
export type SubjectKind = ringfence.risk.v1.SubjectKind;
export const Action = ringfence.risk.v1.Action;
export type Action = ringfence.risk.v1.Action;
export const FeedbackAction = ringfence.feedback.v1.FeedbackAction;
export type FeedbackAction = ringfence.feedback.v1.FeedbackAction;

/** Absolute path of the .proto tree the code was generated from (for gRPC reflection and loaders). */
export const protoRoot: string = fileURLToPath(new URL('../../../protos', import.meta.url));

/** Absolute path of the JSON descriptor generated beside the code. */
export const descriptorPath: string = fileURLToPath(new URL('./gen/descriptor.json', import.meta.url));
