import * as $protobuf from "protobufjs";
import Long = require("long");
/** Namespace ringfence. */
export namespace ringfence {

    /** Namespace cdr. */
    namespace cdr {

        /** Namespace v1. */
        namespace v1 {

            /** Media enum. */
            enum Media {
                MEDIA_UNSPECIFIED = 0,
                MEDIA_AUDIO = 1,
                MEDIA_VIDEO = 2
            }

            /** Attestation enum. */
            enum Attestation {
                ATTESTATION_UNSPECIFIED = 0,
                ATTESTATION_A = 1,
                ATTESTATION_B = 2,
                ATTESTATION_C = 3
            }

            /** CallingLocation enum. */
            enum CallingLocation {
                CALLING_LOCATION_UNSPECIFIED = 0,
                CALLING_LOCATION_HOME = 1,
                CALLING_LOCATION_ROAMING = 2
            }

            /** Properties of a Number. */
            interface INumber {

                /** Number raw */
                raw?: (string|null);

                /** Number e164 */
                e164?: (string|null);

                /** Number valid */
                valid?: (boolean|null);
            }

            /** Represents a Number. */
            class Number implements INumber {

                /**
                 * Constructs a new Number.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.cdr.v1.INumber);

                /** Number raw. */
                public raw: string;

                /** Number e164. */
                public e164: string;

                /** Number valid. */
                public valid: boolean;

                /**
                 * Creates a new Number instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Number instance
                 */
                public static create(properties?: ringfence.cdr.v1.INumber): ringfence.cdr.v1.Number;

                /**
                 * Encodes the specified Number message. Does not implicitly {@link ringfence.cdr.v1.Number.verify|verify} messages.
                 * @param m Number message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.cdr.v1.INumber, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Number message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Number
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.cdr.v1.Number;

                /**
                 * Creates a Number message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Number
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.cdr.v1.Number;

                /**
                 * Creates a plain object from a Number message. Also converts values to other types if specified.
                 * @param m Number
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.cdr.v1.Number, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Number to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Number
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a CallDetailRecord. */
            interface ICallDetailRecord {

                /** CallDetailRecord callId */
                callId?: (string|null);

                /** CallDetailRecord switchId */
                switchId?: (string|null);

                /** CallDetailRecord setupTimeMs */
                setupTimeMs?: (number|null);

                /** CallDetailRecord answerTimeMs */
                answerTimeMs?: (number|null);

                /** CallDetailRecord releaseTimeMs */
                releaseTimeMs?: (number|null);

                /** CallDetailRecord calling */
                calling?: (ringfence.cdr.v1.INumber|null);

                /** CallDetailRecord called */
                called?: (ringfence.cdr.v1.INumber|null);

                /** CallDetailRecord asserted */
                asserted?: (ringfence.cdr.v1.INumber|null);

                /** CallDetailRecord ingressTrunk */
                ingressTrunk?: (string|null);

                /** CallDetailRecord ingressCarrier */
                ingressCarrier?: (string|null);

                /** CallDetailRecord egressTrunk */
                egressTrunk?: (string|null);

                /** CallDetailRecord releaseCause */
                releaseCause?: (number|null);

                /** CallDetailRecord media */
                media?: (ringfence.cdr.v1.Media|null);

                /** CallDetailRecord attestation */
                attestation?: (ringfence.cdr.v1.Attestation|null);

                /** CallDetailRecord origid */
                origid?: (string|null);

                /** CallDetailRecord deviceId */
                deviceId?: (string|null);

                /** CallDetailRecord cellId */
                cellId?: (string|null);

                /** CallDetailRecord ingestTimeMs */
                ingestTimeMs?: (number|null);

                /** CallDetailRecord callingLocation */
                callingLocation?: (ringfence.cdr.v1.CallingLocation|null);
            }

            /** Represents a CallDetailRecord. */
            class CallDetailRecord implements ICallDetailRecord {

                /**
                 * Constructs a new CallDetailRecord.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.cdr.v1.ICallDetailRecord);

                /** CallDetailRecord callId. */
                public callId: string;

                /** CallDetailRecord switchId. */
                public switchId: string;

                /** CallDetailRecord setupTimeMs. */
                public setupTimeMs: number;

                /** CallDetailRecord answerTimeMs. */
                public answerTimeMs: number;

                /** CallDetailRecord releaseTimeMs. */
                public releaseTimeMs: number;

                /** CallDetailRecord calling. */
                public calling?: (ringfence.cdr.v1.INumber|null);

                /** CallDetailRecord called. */
                public called?: (ringfence.cdr.v1.INumber|null);

                /** CallDetailRecord asserted. */
                public asserted?: (ringfence.cdr.v1.INumber|null);

                /** CallDetailRecord ingressTrunk. */
                public ingressTrunk: string;

                /** CallDetailRecord ingressCarrier. */
                public ingressCarrier: string;

                /** CallDetailRecord egressTrunk. */
                public egressTrunk: string;

                /** CallDetailRecord releaseCause. */
                public releaseCause: number;

                /** CallDetailRecord media. */
                public media: ringfence.cdr.v1.Media;

                /** CallDetailRecord attestation. */
                public attestation: ringfence.cdr.v1.Attestation;

                /** CallDetailRecord origid. */
                public origid: string;

                /** CallDetailRecord deviceId. */
                public deviceId: string;

                /** CallDetailRecord cellId. */
                public cellId: string;

                /** CallDetailRecord ingestTimeMs. */
                public ingestTimeMs: number;

                /** CallDetailRecord callingLocation. */
                public callingLocation: ringfence.cdr.v1.CallingLocation;

                /**
                 * Creates a new CallDetailRecord instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns CallDetailRecord instance
                 */
                public static create(properties?: ringfence.cdr.v1.ICallDetailRecord): ringfence.cdr.v1.CallDetailRecord;

                /**
                 * Encodes the specified CallDetailRecord message. Does not implicitly {@link ringfence.cdr.v1.CallDetailRecord.verify|verify} messages.
                 * @param m CallDetailRecord message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.cdr.v1.ICallDetailRecord, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CallDetailRecord message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns CallDetailRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.cdr.v1.CallDetailRecord;

                /**
                 * Creates a CallDetailRecord message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns CallDetailRecord
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.cdr.v1.CallDetailRecord;

                /**
                 * Creates a plain object from a CallDetailRecord message. Also converts values to other types if specified.
                 * @param m CallDetailRecord
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.cdr.v1.CallDetailRecord, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this CallDetailRecord to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for CallDetailRecord
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** ComplaintCategory enum. */
            enum ComplaintCategory {
                COMPLAINT_CATEGORY_UNSPECIFIED = 0,
                COMPLAINT_CATEGORY_HARASSMENT = 1,
                COMPLAINT_CATEGORY_FRAUD = 2,
                COMPLAINT_CATEGORY_MARKETING = 3,
                COMPLAINT_CATEGORY_OTHER = 4
            }

            /** Properties of a ComplaintEvent. */
            interface IComplaintEvent {

                /** ComplaintEvent complaintId */
                complaintId?: (string|null);

                /** ComplaintEvent timeMs */
                timeMs?: (number|null);

                /** ComplaintEvent reporter */
                reporter?: (ringfence.cdr.v1.INumber|null);

                /** ComplaintEvent reported */
                reported?: (ringfence.cdr.v1.INumber|null);

                /** ComplaintEvent category */
                category?: (ringfence.cdr.v1.ComplaintCategory|null);

                /** ComplaintEvent callId */
                callId?: (string|null);

                /** ComplaintEvent ingestTimeMs */
                ingestTimeMs?: (number|null);
            }

            /** Represents a ComplaintEvent. */
            class ComplaintEvent implements IComplaintEvent {

                /**
                 * Constructs a new ComplaintEvent.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.cdr.v1.IComplaintEvent);

                /** ComplaintEvent complaintId. */
                public complaintId: string;

                /** ComplaintEvent timeMs. */
                public timeMs: number;

                /** ComplaintEvent reporter. */
                public reporter?: (ringfence.cdr.v1.INumber|null);

                /** ComplaintEvent reported. */
                public reported?: (ringfence.cdr.v1.INumber|null);

                /** ComplaintEvent category. */
                public category: ringfence.cdr.v1.ComplaintCategory;

                /** ComplaintEvent callId. */
                public callId: string;

                /** ComplaintEvent ingestTimeMs. */
                public ingestTimeMs: number;

                /**
                 * Creates a new ComplaintEvent instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns ComplaintEvent instance
                 */
                public static create(properties?: ringfence.cdr.v1.IComplaintEvent): ringfence.cdr.v1.ComplaintEvent;

                /**
                 * Encodes the specified ComplaintEvent message. Does not implicitly {@link ringfence.cdr.v1.ComplaintEvent.verify|verify} messages.
                 * @param m ComplaintEvent message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.cdr.v1.IComplaintEvent, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a ComplaintEvent message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns ComplaintEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.cdr.v1.ComplaintEvent;

                /**
                 * Creates a ComplaintEvent message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns ComplaintEvent
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.cdr.v1.ComplaintEvent;

                /**
                 * Creates a plain object from a ComplaintEvent message. Also converts values to other types if specified.
                 * @param m ComplaintEvent
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.cdr.v1.ComplaintEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this ComplaintEvent to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for ComplaintEvent
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a DeadLetter. */
            interface IDeadLetter {

                /** DeadLetter original */
                original?: (Uint8Array|null);

                /** DeadLetter reason */
                reason?: (string|null);

                /** DeadLetter message */
                message?: (string|null);

                /** DeadLetter source */
                source?: (string|null);

                /** DeadLetter timeMs */
                timeMs?: (number|null);

                /** DeadLetter kind */
                kind?: (string|null);
            }

            /** Represents a DeadLetter. */
            class DeadLetter implements IDeadLetter {

                /**
                 * Constructs a new DeadLetter.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.cdr.v1.IDeadLetter);

                /** DeadLetter original. */
                public original: Uint8Array;

                /** DeadLetter reason. */
                public reason: string;

                /** DeadLetter message. */
                public message: string;

                /** DeadLetter source. */
                public source: string;

                /** DeadLetter timeMs. */
                public timeMs: number;

                /** DeadLetter kind. */
                public kind: string;

                /**
                 * Creates a new DeadLetter instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns DeadLetter instance
                 */
                public static create(properties?: ringfence.cdr.v1.IDeadLetter): ringfence.cdr.v1.DeadLetter;

                /**
                 * Encodes the specified DeadLetter message. Does not implicitly {@link ringfence.cdr.v1.DeadLetter.verify|verify} messages.
                 * @param m DeadLetter message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.cdr.v1.IDeadLetter, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DeadLetter message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns DeadLetter
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.cdr.v1.DeadLetter;

                /**
                 * Creates a DeadLetter message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns DeadLetter
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.cdr.v1.DeadLetter;

                /**
                 * Creates a plain object from a DeadLetter message. Also converts values to other types if specified.
                 * @param m DeadLetter
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.cdr.v1.DeadLetter, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this DeadLetter to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for DeadLetter
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }

    /** Namespace feedback. */
    namespace feedback {

        /** Namespace v1. */
        namespace v1 {

            /** FeedbackAction enum. */
            enum FeedbackAction {
                FEEDBACK_ACTION_UNSPECIFIED = 0,
                FEEDBACK_ACTION_CONFIRM = 1,
                FEEDBACK_ACTION_FALSE_POSITIVE = 2,
                FEEDBACK_ACTION_ALLOWLIST = 3,
                FEEDBACK_ACTION_BLOCKLIST = 4,
                FEEDBACK_ACTION_NOTE = 5,
                FEEDBACK_ACTION_UNDO = 6
            }

            /** Properties of a Feedback. */
            interface IFeedback {

                /** Feedback feedbackId */
                feedbackId?: (string|null);

                /** Feedback timeMs */
                timeMs?: (number|null);

                /** Feedback kind */
                kind?: (ringfence.risk.v1.SubjectKind|null);

                /** Feedback id */
                id?: (string|null);

                /** Feedback action */
                action?: (ringfence.feedback.v1.FeedbackAction|null);

                /** Feedback operator */
                operator?: (string|null);

                /** Feedback note */
                note?: (string|null);

                /** Feedback undoes */
                undoes?: (string|null);

                /** Feedback caseId */
                caseId?: (string|null);

                /** Feedback expiresMs */
                expiresMs?: (number|null);
            }

            /** Represents a Feedback. */
            class Feedback implements IFeedback {

                /**
                 * Constructs a new Feedback.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.feedback.v1.IFeedback);

                /** Feedback feedbackId. */
                public feedbackId: string;

                /** Feedback timeMs. */
                public timeMs: number;

                /** Feedback kind. */
                public kind: ringfence.risk.v1.SubjectKind;

                /** Feedback id. */
                public id: string;

                /** Feedback action. */
                public action: ringfence.feedback.v1.FeedbackAction;

                /** Feedback operator. */
                public operator: string;

                /** Feedback note. */
                public note: string;

                /** Feedback undoes. */
                public undoes: string;

                /** Feedback caseId. */
                public caseId: string;

                /** Feedback expiresMs. */
                public expiresMs: number;

                /**
                 * Creates a new Feedback instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Feedback instance
                 */
                public static create(properties?: ringfence.feedback.v1.IFeedback): ringfence.feedback.v1.Feedback;

                /**
                 * Encodes the specified Feedback message. Does not implicitly {@link ringfence.feedback.v1.Feedback.verify|verify} messages.
                 * @param m Feedback message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.feedback.v1.IFeedback, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Feedback message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Feedback
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.feedback.v1.Feedback;

                /**
                 * Creates a Feedback message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Feedback
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.feedback.v1.Feedback;

                /**
                 * Creates a plain object from a Feedback message. Also converts values to other types if specified.
                 * @param m Feedback
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.feedback.v1.Feedback, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Feedback to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Feedback
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }

    /** Namespace risk. */
    namespace risk {

        /** Namespace v1. */
        namespace v1 {

            /** Level enum. */
            enum Level {
                LEVEL_NONE = 0,
                LEVEL_LOW = 1,
                LEVEL_MEDIUM = 2,
                LEVEL_HIGH = 3
            }

            /** SubjectKind enum. */
            enum SubjectKind {
                SUBJECT_KIND_UNSPECIFIED = 0,
                SUBJECT_KIND_NUMBER = 1,
                SUBJECT_KIND_TRUNK = 2,
                SUBJECT_KIND_CARRIER = 3,
                SUBJECT_KIND_DEVICE = 4
            }

            /** Properties of a Reason. */
            interface IReason {

                /** Reason code */
                code?: (string|null);

                /** Reason value */
                value?: (number|null);

                /** Reason threshold */
                threshold?: (number|null);

                /** Reason window */
                window?: (string|null);

                /** Reason points */
                points?: (number|null);
            }

            /** Represents a Reason. */
            class Reason implements IReason {

                /**
                 * Constructs a new Reason.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.IReason);

                /** Reason code. */
                public code: string;

                /** Reason value. */
                public value: number;

                /** Reason threshold. */
                public threshold: number;

                /** Reason window. */
                public window: string;

                /** Reason points. */
                public points: number;

                /**
                 * Creates a new Reason instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Reason instance
                 */
                public static create(properties?: ringfence.risk.v1.IReason): ringfence.risk.v1.Reason;

                /**
                 * Encodes the specified Reason message. Does not implicitly {@link ringfence.risk.v1.Reason.verify|verify} messages.
                 * @param m Reason message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.IReason, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a Reason message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Reason
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.Reason;

                /**
                 * Creates a Reason message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Reason
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.Reason;

                /**
                 * Creates a plain object from a Reason message. Also converts values to other types if specified.
                 * @param m Reason
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.Reason, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Reason to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Reason
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a LevelReached. */
            interface ILevelReached {

                /** LevelReached level */
                level?: (ringfence.risk.v1.Level|null);

                /** LevelReached timeMs */
                timeMs?: (number|null);

                /** LevelReached calls */
                calls?: (number|null);
            }

            /** Represents a LevelReached. */
            class LevelReached implements ILevelReached {

                /**
                 * Constructs a new LevelReached.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.ILevelReached);

                /** LevelReached level. */
                public level: ringfence.risk.v1.Level;

                /** LevelReached timeMs. */
                public timeMs: number;

                /** LevelReached calls. */
                public calls: number;

                /**
                 * Creates a new LevelReached instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns LevelReached instance
                 */
                public static create(properties?: ringfence.risk.v1.ILevelReached): ringfence.risk.v1.LevelReached;

                /**
                 * Encodes the specified LevelReached message. Does not implicitly {@link ringfence.risk.v1.LevelReached.verify|verify} messages.
                 * @param m LevelReached message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.ILevelReached, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a LevelReached message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns LevelReached
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.LevelReached;

                /**
                 * Creates a LevelReached message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns LevelReached
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.LevelReached;

                /**
                 * Creates a plain object from a LevelReached message. Also converts values to other types if specified.
                 * @param m LevelReached
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.LevelReached, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this LevelReached to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for LevelReached
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a RiskVerdict. */
            interface IRiskVerdict {

                /** RiskVerdict kind */
                kind?: (ringfence.risk.v1.SubjectKind|null);

                /** RiskVerdict id */
                id?: (string|null);

                /** RiskVerdict score */
                score?: (number|null);

                /** RiskVerdict level */
                level?: (ringfence.risk.v1.Level|null);

                /** RiskVerdict category */
                category?: (string|null);

                /** RiskVerdict reasons */
                reasons?: (ringfence.risk.v1.IReason[]|null);

                /** RiskVerdict updatedMs */
                updatedMs?: (number|null);

                /** RiskVerdict firstSeenMs */
                firstSeenMs?: (number|null);

                /** RiskVerdict calls */
                calls?: (number|null);

                /** RiskVerdict first */
                first?: (ringfence.risk.v1.ILevelReached[]|null);

                /** RiskVerdict override */
                override?: (string|null);

                /** RiskVerdict overrideExpiresMs */
                overrideExpiresMs?: (number|null);
            }

            /** Represents a RiskVerdict. */
            class RiskVerdict implements IRiskVerdict {

                /**
                 * Constructs a new RiskVerdict.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.IRiskVerdict);

                /** RiskVerdict kind. */
                public kind: ringfence.risk.v1.SubjectKind;

                /** RiskVerdict id. */
                public id: string;

                /** RiskVerdict score. */
                public score: number;

                /** RiskVerdict level. */
                public level: ringfence.risk.v1.Level;

                /** RiskVerdict category. */
                public category: string;

                /** RiskVerdict reasons. */
                public reasons: ringfence.risk.v1.IReason[];

                /** RiskVerdict updatedMs. */
                public updatedMs: number;

                /** RiskVerdict firstSeenMs. */
                public firstSeenMs: number;

                /** RiskVerdict calls. */
                public calls: number;

                /** RiskVerdict first. */
                public first: ringfence.risk.v1.ILevelReached[];

                /** RiskVerdict override. */
                public override: string;

                /** RiskVerdict overrideExpiresMs. */
                public overrideExpiresMs: number;

                /**
                 * Creates a new RiskVerdict instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns RiskVerdict instance
                 */
                public static create(properties?: ringfence.risk.v1.IRiskVerdict): ringfence.risk.v1.RiskVerdict;

                /**
                 * Encodes the specified RiskVerdict message. Does not implicitly {@link ringfence.risk.v1.RiskVerdict.verify|verify} messages.
                 * @param m RiskVerdict message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.IRiskVerdict, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a RiskVerdict message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns RiskVerdict
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.RiskVerdict;

                /**
                 * Creates a RiskVerdict message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns RiskVerdict
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.RiskVerdict;

                /**
                 * Creates a plain object from a RiskVerdict message. Also converts values to other types if specified.
                 * @param m RiskVerdict
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.RiskVerdict, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this RiskVerdict to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for RiskVerdict
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of an Alert. */
            interface IAlert {

                /** Alert alertId */
                alertId?: (string|null);

                /** Alert timeMs */
                timeMs?: (number|null);

                /** Alert kind */
                kind?: (ringfence.risk.v1.SubjectKind|null);

                /** Alert id */
                id?: (string|null);

                /** Alert fromLevel */
                fromLevel?: (ringfence.risk.v1.Level|null);

                /** Alert toLevel */
                toLevel?: (ringfence.risk.v1.Level|null);

                /** Alert verdict */
                verdict?: (ringfence.risk.v1.IRiskVerdict|null);

                /** Alert evidence */
                evidence?: ({ [k: string]: number }|null);
            }

            /** Represents an Alert. */
            class Alert implements IAlert {

                /**
                 * Constructs a new Alert.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.IAlert);

                /** Alert alertId. */
                public alertId: string;

                /** Alert timeMs. */
                public timeMs: number;

                /** Alert kind. */
                public kind: ringfence.risk.v1.SubjectKind;

                /** Alert id. */
                public id: string;

                /** Alert fromLevel. */
                public fromLevel: ringfence.risk.v1.Level;

                /** Alert toLevel. */
                public toLevel: ringfence.risk.v1.Level;

                /** Alert verdict. */
                public verdict?: (ringfence.risk.v1.IRiskVerdict|null);

                /** Alert evidence. */
                public evidence: { [k: string]: number };

                /**
                 * Creates a new Alert instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns Alert instance
                 */
                public static create(properties?: ringfence.risk.v1.IAlert): ringfence.risk.v1.Alert;

                /**
                 * Encodes the specified Alert message. Does not implicitly {@link ringfence.risk.v1.Alert.verify|verify} messages.
                 * @param m Alert message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.IAlert, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes an Alert message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns Alert
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.Alert;

                /**
                 * Creates an Alert message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns Alert
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.Alert;

                /**
                 * Creates a plain object from an Alert message. Also converts values to other types if specified.
                 * @param m Alert
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.Alert, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this Alert to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for Alert
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Action enum. */
            enum Action {
                ACTION_ALLOW = 0,
                ACTION_LABEL = 1,
                ACTION_BLOCK = 2
            }

            /** Properties of a CheckRequest. */
            interface ICheckRequest {

                /** CheckRequest calling */
                calling?: (string|null);

                /** CheckRequest called */
                called?: (string|null);

                /** CheckRequest ingressTrunk */
                ingressTrunk?: (string|null);

                /** CheckRequest ingressCarrier */
                ingressCarrier?: (string|null);

                /** CheckRequest attestation */
                attestation?: (ringfence.cdr.v1.Attestation|null);

                /** CheckRequest media */
                media?: (ringfence.cdr.v1.Media|null);

                /** CheckRequest requestId */
                requestId?: (string|null);

                /** CheckRequest callingDevice */
                callingDevice?: (string|null);

                /** CheckRequest callingLocation */
                callingLocation?: (ringfence.cdr.v1.CallingLocation|null);
            }

            /** Represents a CheckRequest. */
            class CheckRequest implements ICheckRequest {

                /**
                 * Constructs a new CheckRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.ICheckRequest);

                /** CheckRequest calling. */
                public calling: string;

                /** CheckRequest called. */
                public called: string;

                /** CheckRequest ingressTrunk. */
                public ingressTrunk: string;

                /** CheckRequest ingressCarrier. */
                public ingressCarrier: string;

                /** CheckRequest attestation. */
                public attestation: ringfence.cdr.v1.Attestation;

                /** CheckRequest media. */
                public media: ringfence.cdr.v1.Media;

                /** CheckRequest requestId. */
                public requestId: string;

                /** CheckRequest callingDevice. */
                public callingDevice: string;

                /** CheckRequest callingLocation. */
                public callingLocation: ringfence.cdr.v1.CallingLocation;

                /**
                 * Creates a new CheckRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns CheckRequest instance
                 */
                public static create(properties?: ringfence.risk.v1.ICheckRequest): ringfence.risk.v1.CheckRequest;

                /**
                 * Encodes the specified CheckRequest message. Does not implicitly {@link ringfence.risk.v1.CheckRequest.verify|verify} messages.
                 * @param m CheckRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.ICheckRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CheckRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns CheckRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.CheckRequest;

                /**
                 * Creates a CheckRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns CheckRequest
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.CheckRequest;

                /**
                 * Creates a plain object from a CheckRequest message. Also converts values to other types if specified.
                 * @param m CheckRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.CheckRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this CheckRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for CheckRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a DisplayLabel. */
            interface IDisplayLabel {

                /** DisplayLabel zhCn */
                zhCn?: (string|null);

                /** DisplayLabel en */
                en?: (string|null);
            }

            /** Represents a DisplayLabel. */
            class DisplayLabel implements IDisplayLabel {

                /**
                 * Constructs a new DisplayLabel.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.IDisplayLabel);

                /** DisplayLabel zhCn. */
                public zhCn: string;

                /** DisplayLabel en. */
                public en: string;

                /**
                 * Creates a new DisplayLabel instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns DisplayLabel instance
                 */
                public static create(properties?: ringfence.risk.v1.IDisplayLabel): ringfence.risk.v1.DisplayLabel;

                /**
                 * Encodes the specified DisplayLabel message. Does not implicitly {@link ringfence.risk.v1.DisplayLabel.verify|verify} messages.
                 * @param m DisplayLabel message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.IDisplayLabel, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a DisplayLabel message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns DisplayLabel
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.DisplayLabel;

                /**
                 * Creates a DisplayLabel message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns DisplayLabel
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.DisplayLabel;

                /**
                 * Creates a plain object from a DisplayLabel message. Also converts values to other types if specified.
                 * @param m DisplayLabel
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.DisplayLabel, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this DisplayLabel to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for DisplayLabel
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a BlockInstruction. */
            interface IBlockInstruction {

                /** BlockInstruction sipCode */
                sipCode?: (number|null);

                /** BlockInstruction sipReason */
                sipReason?: (string|null);

                /** BlockInstruction isupCause */
                isupCause?: (number|null);

                /** BlockInstruction reasonCode */
                reasonCode?: (string|null);

                /** BlockInstruction redressContact */
                redressContact?: (string|null);
            }

            /** Represents a BlockInstruction. */
            class BlockInstruction implements IBlockInstruction {

                /**
                 * Constructs a new BlockInstruction.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.IBlockInstruction);

                /** BlockInstruction sipCode. */
                public sipCode: number;

                /** BlockInstruction sipReason. */
                public sipReason: string;

                /** BlockInstruction isupCause. */
                public isupCause: number;

                /** BlockInstruction reasonCode. */
                public reasonCode: string;

                /** BlockInstruction redressContact. */
                public redressContact: string;

                /**
                 * Creates a new BlockInstruction instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns BlockInstruction instance
                 */
                public static create(properties?: ringfence.risk.v1.IBlockInstruction): ringfence.risk.v1.BlockInstruction;

                /**
                 * Encodes the specified BlockInstruction message. Does not implicitly {@link ringfence.risk.v1.BlockInstruction.verify|verify} messages.
                 * @param m BlockInstruction message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.IBlockInstruction, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a BlockInstruction message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns BlockInstruction
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.BlockInstruction;

                /**
                 * Creates a BlockInstruction message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns BlockInstruction
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.BlockInstruction;

                /**
                 * Creates a plain object from a BlockInstruction message. Also converts values to other types if specified.
                 * @param m BlockInstruction
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.BlockInstruction, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this BlockInstruction to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for BlockInstruction
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a CheckResponse. */
            interface ICheckResponse {

                /** CheckResponse requestId */
                requestId?: (string|null);

                /** CheckResponse action */
                action?: (ringfence.risk.v1.Action|null);

                /** CheckResponse score */
                score?: (number|null);

                /** CheckResponse level */
                level?: (ringfence.risk.v1.Level|null);

                /** CheckResponse category */
                category?: (string|null);

                /** CheckResponse label */
                label?: (ringfence.risk.v1.IDisplayLabel|null);

                /** CheckResponse reasons */
                reasons?: (ringfence.risk.v1.IReason[]|null);

                /** CheckResponse updatedMs */
                updatedMs?: (number|null);

                /** CheckResponse block */
                block?: (ringfence.risk.v1.IBlockInstruction|null);

                /** CheckResponse decidedBy */
                decidedBy?: (string|null);

                /** CheckResponse error */
                error?: (ringfence.risk.v1.ICheckError|null);
            }

            /** Represents a CheckResponse. */
            class CheckResponse implements ICheckResponse {

                /**
                 * Constructs a new CheckResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.ICheckResponse);

                /** CheckResponse requestId. */
                public requestId: string;

                /** CheckResponse action. */
                public action: ringfence.risk.v1.Action;

                /** CheckResponse score. */
                public score: number;

                /** CheckResponse level. */
                public level: ringfence.risk.v1.Level;

                /** CheckResponse category. */
                public category: string;

                /** CheckResponse label. */
                public label?: (ringfence.risk.v1.IDisplayLabel|null);

                /** CheckResponse reasons. */
                public reasons: ringfence.risk.v1.IReason[];

                /** CheckResponse updatedMs. */
                public updatedMs: number;

                /** CheckResponse block. */
                public block?: (ringfence.risk.v1.IBlockInstruction|null);

                /** CheckResponse decidedBy. */
                public decidedBy: string;

                /** CheckResponse error. */
                public error?: (ringfence.risk.v1.ICheckError|null);

                /**
                 * Creates a new CheckResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns CheckResponse instance
                 */
                public static create(properties?: ringfence.risk.v1.ICheckResponse): ringfence.risk.v1.CheckResponse;

                /**
                 * Encodes the specified CheckResponse message. Does not implicitly {@link ringfence.risk.v1.CheckResponse.verify|verify} messages.
                 * @param m CheckResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.ICheckResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CheckResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns CheckResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.CheckResponse;

                /**
                 * Creates a CheckResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns CheckResponse
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.CheckResponse;

                /**
                 * Creates a plain object from a CheckResponse message. Also converts values to other types if specified.
                 * @param m CheckResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.CheckResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this CheckResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for CheckResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a CheckError. */
            interface ICheckError {

                /** CheckError code */
                code?: (string|null);

                /** CheckError field */
                field?: (string|null);

                /** CheckError message */
                message?: (string|null);
            }

            /** Represents a CheckError. */
            class CheckError implements ICheckError {

                /**
                 * Constructs a new CheckError.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.ICheckError);

                /** CheckError code. */
                public code: string;

                /** CheckError field. */
                public field: string;

                /** CheckError message. */
                public message: string;

                /**
                 * Creates a new CheckError instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns CheckError instance
                 */
                public static create(properties?: ringfence.risk.v1.ICheckError): ringfence.risk.v1.CheckError;

                /**
                 * Encodes the specified CheckError message. Does not implicitly {@link ringfence.risk.v1.CheckError.verify|verify} messages.
                 * @param m CheckError message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.ICheckError, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CheckError message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns CheckError
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.CheckError;

                /**
                 * Creates a CheckError message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns CheckError
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.CheckError;

                /**
                 * Creates a plain object from a CheckError message. Also converts values to other types if specified.
                 * @param m CheckError
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.CheckError, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this CheckError to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for CheckError
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a CheckBatchRequest. */
            interface ICheckBatchRequest {

                /** CheckBatchRequest checks */
                checks?: (ringfence.risk.v1.ICheckRequest[]|null);
            }

            /** Represents a CheckBatchRequest. */
            class CheckBatchRequest implements ICheckBatchRequest {

                /**
                 * Constructs a new CheckBatchRequest.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.ICheckBatchRequest);

                /** CheckBatchRequest checks. */
                public checks: ringfence.risk.v1.ICheckRequest[];

                /**
                 * Creates a new CheckBatchRequest instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns CheckBatchRequest instance
                 */
                public static create(properties?: ringfence.risk.v1.ICheckBatchRequest): ringfence.risk.v1.CheckBatchRequest;

                /**
                 * Encodes the specified CheckBatchRequest message. Does not implicitly {@link ringfence.risk.v1.CheckBatchRequest.verify|verify} messages.
                 * @param m CheckBatchRequest message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.ICheckBatchRequest, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CheckBatchRequest message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns CheckBatchRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.CheckBatchRequest;

                /**
                 * Creates a CheckBatchRequest message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns CheckBatchRequest
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.CheckBatchRequest;

                /**
                 * Creates a plain object from a CheckBatchRequest message. Also converts values to other types if specified.
                 * @param m CheckBatchRequest
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.CheckBatchRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this CheckBatchRequest to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for CheckBatchRequest
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a CheckBatchResponse. */
            interface ICheckBatchResponse {

                /** CheckBatchResponse results */
                results?: (ringfence.risk.v1.ICheckResponse[]|null);
            }

            /** Represents a CheckBatchResponse. */
            class CheckBatchResponse implements ICheckBatchResponse {

                /**
                 * Constructs a new CheckBatchResponse.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.risk.v1.ICheckBatchResponse);

                /** CheckBatchResponse results. */
                public results: ringfence.risk.v1.ICheckResponse[];

                /**
                 * Creates a new CheckBatchResponse instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns CheckBatchResponse instance
                 */
                public static create(properties?: ringfence.risk.v1.ICheckBatchResponse): ringfence.risk.v1.CheckBatchResponse;

                /**
                 * Encodes the specified CheckBatchResponse message. Does not implicitly {@link ringfence.risk.v1.CheckBatchResponse.verify|verify} messages.
                 * @param m CheckBatchResponse message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.risk.v1.ICheckBatchResponse, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a CheckBatchResponse message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns CheckBatchResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.risk.v1.CheckBatchResponse;

                /**
                 * Creates a CheckBatchResponse message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns CheckBatchResponse
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.risk.v1.CheckBatchResponse;

                /**
                 * Creates a plain object from a CheckBatchResponse message. Also converts values to other types if specified.
                 * @param m CheckBatchResponse
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.risk.v1.CheckBatchResponse, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this CheckBatchResponse to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for CheckBatchResponse
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Represents a RiskService */
            class RiskService extends $protobuf.rpc.Service {

                /**
                 * Constructs a new RiskService service.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 */
                constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

                /**
                 * Creates new RiskService service using the specified rpc implementation.
                 * @param rpcImpl RPC implementation
                 * @param [requestDelimited=false] Whether requests are length-delimited
                 * @param [responseDelimited=false] Whether responses are length-delimited
                 * @returns RPC service. Useful where requests and/or responses are streamed.
                 */
                public static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): RiskService;

                /**
                 * Calls Check.
                 * @param request CheckRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and CheckResponse
                 */
                public check(request: ringfence.risk.v1.ICheckRequest, callback: ringfence.risk.v1.RiskService.CheckCallback): void;

                /**
                 * Calls Check.
                 * @param request CheckRequest message or plain object
                 * @returns Promise
                 */
                public check(request: ringfence.risk.v1.ICheckRequest): Promise<ringfence.risk.v1.CheckResponse>;

                /**
                 * Calls CheckBatch.
                 * @param request CheckBatchRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and CheckBatchResponse
                 */
                public checkBatch(request: ringfence.risk.v1.ICheckBatchRequest, callback: ringfence.risk.v1.RiskService.CheckBatchCallback): void;

                /**
                 * Calls CheckBatch.
                 * @param request CheckBatchRequest message or plain object
                 * @returns Promise
                 */
                public checkBatch(request: ringfence.risk.v1.ICheckBatchRequest): Promise<ringfence.risk.v1.CheckBatchResponse>;

                /**
                 * Calls CheckStream.
                 * @param request CheckBatchRequest message or plain object
                 * @param callback Node-style callback called with the error, if any, and CheckBatchResponse
                 */
                public checkStream(request: ringfence.risk.v1.ICheckBatchRequest, callback: ringfence.risk.v1.RiskService.CheckStreamCallback): void;

                /**
                 * Calls CheckStream.
                 * @param request CheckBatchRequest message or plain object
                 * @returns Promise
                 */
                public checkStream(request: ringfence.risk.v1.ICheckBatchRequest): Promise<ringfence.risk.v1.CheckBatchResponse>;
            }

            namespace RiskService {

                /**
                 * Callback as used by {@link ringfence.risk.v1.RiskService#check}.
                 * @param error Error, if any
                 * @param [response] CheckResponse
                 */
                type CheckCallback = (error: (Error|null), response?: ringfence.risk.v1.CheckResponse) => void;

                /**
                 * Callback as used by {@link ringfence.risk.v1.RiskService#checkBatch}.
                 * @param error Error, if any
                 * @param [response] CheckBatchResponse
                 */
                type CheckBatchCallback = (error: (Error|null), response?: ringfence.risk.v1.CheckBatchResponse) => void;

                /**
                 * Callback as used by {@link ringfence.risk.v1.RiskService#checkStream}.
                 * @param error Error, if any
                 * @param [response] CheckBatchResponse
                 */
                type CheckStreamCallback = (error: (Error|null), response?: ringfence.risk.v1.CheckBatchResponse) => void;
            }
        }
    }

    /** Namespace scorer. */
    namespace scorer {

        /** Namespace v1. */
        namespace v1 {

            /** Properties of a SourceObservation. */
            interface ISourceObservation {

                /** SourceObservation kind */
                kind?: (ringfence.risk.v1.SubjectKind|null);

                /** SourceObservation id */
                id?: (string|null);

                /** SourceObservation timeMs */
                timeMs?: (number|null);

                /** SourceObservation caller */
                caller?: (string|null);

                /** SourceObservation callerHash */
                callerHash?: (number|null);

                /** SourceObservation calleeHash */
                calleeHash?: (number|null);

                /** SourceObservation blockHash */
                blockHash?: (number|null);

                /** SourceObservation regionHash */
                regionHash?: (number|null);

                /** SourceObservation talkS */
                talkS?: (number|null);

                /** SourceObservation flags */
                flags?: (number|null);

                /** SourceObservation originPartition */
                originPartition?: (number|null);

                /** SourceObservation originOffset */
                originOffset?: (number|null);
            }

            /** Represents a SourceObservation. */
            class SourceObservation implements ISourceObservation {

                /**
                 * Constructs a new SourceObservation.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.scorer.v1.ISourceObservation);

                /** SourceObservation kind. */
                public kind: ringfence.risk.v1.SubjectKind;

                /** SourceObservation id. */
                public id: string;

                /** SourceObservation timeMs. */
                public timeMs: number;

                /** SourceObservation caller. */
                public caller: string;

                /** SourceObservation callerHash. */
                public callerHash: number;

                /** SourceObservation calleeHash. */
                public calleeHash: number;

                /** SourceObservation blockHash. */
                public blockHash: number;

                /** SourceObservation regionHash. */
                public regionHash: number;

                /** SourceObservation talkS. */
                public talkS: number;

                /** SourceObservation flags. */
                public flags: number;

                /** SourceObservation originPartition. */
                public originPartition: number;

                /** SourceObservation originOffset. */
                public originOffset: number;

                /**
                 * Creates a new SourceObservation instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns SourceObservation instance
                 */
                public static create(properties?: ringfence.scorer.v1.ISourceObservation): ringfence.scorer.v1.SourceObservation;

                /**
                 * Encodes the specified SourceObservation message. Does not implicitly {@link ringfence.scorer.v1.SourceObservation.verify|verify} messages.
                 * @param m SourceObservation message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.scorer.v1.ISourceObservation, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a SourceObservation message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns SourceObservation
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.scorer.v1.SourceObservation;

                /**
                 * Creates a SourceObservation message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns SourceObservation
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.scorer.v1.SourceObservation;

                /**
                 * Creates a plain object from a SourceObservation message. Also converts values to other types if specified.
                 * @param m SourceObservation
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.scorer.v1.SourceObservation, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this SourceObservation to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for SourceObservation
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** Properties of a PartitionOffset. */
            interface IPartitionOffset {

                /** PartitionOffset topic */
                topic?: (string|null);

                /** PartitionOffset partition */
                partition?: (number|null);

                /** PartitionOffset offset */
                offset?: (number|null);
            }

            /** Represents a PartitionOffset. */
            class PartitionOffset implements IPartitionOffset {

                /**
                 * Constructs a new PartitionOffset.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.scorer.v1.IPartitionOffset);

                /** PartitionOffset topic. */
                public topic: string;

                /** PartitionOffset partition. */
                public partition: number;

                /** PartitionOffset offset. */
                public offset: number;

                /**
                 * Creates a new PartitionOffset instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns PartitionOffset instance
                 */
                public static create(properties?: ringfence.scorer.v1.IPartitionOffset): ringfence.scorer.v1.PartitionOffset;

                /**
                 * Encodes the specified PartitionOffset message. Does not implicitly {@link ringfence.scorer.v1.PartitionOffset.verify|verify} messages.
                 * @param m PartitionOffset message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.scorer.v1.IPartitionOffset, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a PartitionOffset message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns PartitionOffset
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.scorer.v1.PartitionOffset;

                /**
                 * Creates a PartitionOffset message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns PartitionOffset
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.scorer.v1.PartitionOffset;

                /**
                 * Creates a plain object from a PartitionOffset message. Also converts values to other types if specified.
                 * @param m PartitionOffset
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.scorer.v1.PartitionOffset, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this PartitionOffset to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for PartitionOffset
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }

            /** SnapshotCompression enum. */
            enum SnapshotCompression {
                SNAPSHOT_COMPRESSION_NONE = 0,
                SNAPSHOT_COMPRESSION_ZSTD = 1
            }

            /** Properties of a StageSnapshot. */
            interface IStageSnapshot {

                /** StageSnapshot stage */
                stage?: (string|null);

                /** StageSnapshot state */
                state?: (Uint8Array|null);

                /** StageSnapshot offsets */
                offsets?: (ringfence.scorer.v1.IPartitionOffset[]|null);

                /** StageSnapshot takenMs */
                takenMs?: (number|null);

                /** StageSnapshot compression */
                compression?: (ringfence.scorer.v1.SnapshotCompression|null);
            }

            /** Represents a StageSnapshot. */
            class StageSnapshot implements IStageSnapshot {

                /**
                 * Constructs a new StageSnapshot.
                 * @param [p] Properties to set
                 */
                constructor(p?: ringfence.scorer.v1.IStageSnapshot);

                /** StageSnapshot stage. */
                public stage: string;

                /** StageSnapshot state. */
                public state: Uint8Array;

                /** StageSnapshot offsets. */
                public offsets: ringfence.scorer.v1.IPartitionOffset[];

                /** StageSnapshot takenMs. */
                public takenMs: number;

                /** StageSnapshot compression. */
                public compression: ringfence.scorer.v1.SnapshotCompression;

                /**
                 * Creates a new StageSnapshot instance using the specified properties.
                 * @param [properties] Properties to set
                 * @returns StageSnapshot instance
                 */
                public static create(properties?: ringfence.scorer.v1.IStageSnapshot): ringfence.scorer.v1.StageSnapshot;

                /**
                 * Encodes the specified StageSnapshot message. Does not implicitly {@link ringfence.scorer.v1.StageSnapshot.verify|verify} messages.
                 * @param m StageSnapshot message or plain object to encode
                 * @param [w] Writer to encode to
                 * @returns Writer
                 */
                public static encode(m: ringfence.scorer.v1.IStageSnapshot, w?: $protobuf.Writer): $protobuf.Writer;

                /**
                 * Decodes a StageSnapshot message from the specified reader or buffer.
                 * @param r Reader or buffer to decode from
                 * @param [l] Message length if known beforehand
                 * @returns StageSnapshot
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                public static decode(r: ($protobuf.Reader|Uint8Array), l?: number): ringfence.scorer.v1.StageSnapshot;

                /**
                 * Creates a StageSnapshot message from a plain object. Also converts values to their respective internal types.
                 * @param d Plain object
                 * @returns StageSnapshot
                 */
                public static fromObject(d: { [k: string]: any }): ringfence.scorer.v1.StageSnapshot;

                /**
                 * Creates a plain object from a StageSnapshot message. Also converts values to other types if specified.
                 * @param m StageSnapshot
                 * @param [o] Conversion options
                 * @returns Plain object
                 */
                public static toObject(m: ringfence.scorer.v1.StageSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

                /**
                 * Converts this StageSnapshot to JSON.
                 * @returns JSON object
                 */
                public toJSON(): { [k: string]: any };

                /**
                 * Gets the default type url for StageSnapshot
                 * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns The default type url
                 */
                public static getTypeUrl(typeUrlPrefix?: string): string;
            }
        }
    }
}
