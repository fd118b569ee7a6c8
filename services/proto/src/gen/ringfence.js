/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const ringfence = $root.ringfence = (() => {

    /**
     * Namespace ringfence.
     * @exports ringfence
     * @namespace
     */
    const ringfence = {};

    ringfence.cdr = (function() {

        /**
         * Namespace cdr.
         * @memberof ringfence
         * @namespace
         */
        const cdr = {};

        cdr.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof ringfence.cdr
             * @namespace
             */
            const v1 = {};

            /**
             * Media enum.
             * @name ringfence.cdr.v1.Media
             * @enum {number}
             * @property {number} MEDIA_UNSPECIFIED=0 MEDIA_UNSPECIFIED value
             * @property {number} MEDIA_AUDIO=1 MEDIA_AUDIO value
             * @property {number} MEDIA_VIDEO=2 MEDIA_VIDEO value
             */
            v1.Media = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "MEDIA_UNSPECIFIED"] = 0;
                values[valuesById[1] = "MEDIA_AUDIO"] = 1;
                values[valuesById[2] = "MEDIA_VIDEO"] = 2;
                return values;
            })();

            /**
             * Attestation enum.
             * @name ringfence.cdr.v1.Attestation
             * @enum {number}
             * @property {number} ATTESTATION_UNSPECIFIED=0 ATTESTATION_UNSPECIFIED value
             * @property {number} ATTESTATION_A=1 ATTESTATION_A value
             * @property {number} ATTESTATION_B=2 ATTESTATION_B value
             * @property {number} ATTESTATION_C=3 ATTESTATION_C value
             */
            v1.Attestation = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "ATTESTATION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "ATTESTATION_A"] = 1;
                values[valuesById[2] = "ATTESTATION_B"] = 2;
                values[valuesById[3] = "ATTESTATION_C"] = 3;
                return values;
            })();

            /**
             * CallingLocation enum.
             * @name ringfence.cdr.v1.CallingLocation
             * @enum {number}
             * @property {number} CALLING_LOCATION_UNSPECIFIED=0 CALLING_LOCATION_UNSPECIFIED value
             * @property {number} CALLING_LOCATION_HOME=1 CALLING_LOCATION_HOME value
             * @property {number} CALLING_LOCATION_ROAMING=2 CALLING_LOCATION_ROAMING value
             */
            v1.CallingLocation = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "CALLING_LOCATION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "CALLING_LOCATION_HOME"] = 1;
                values[valuesById[2] = "CALLING_LOCATION_ROAMING"] = 2;
                return values;
            })();

            v1.Number = (function() {

                /**
                 * Properties of a Number.
                 * @memberof ringfence.cdr.v1
                 * @interface INumber
                 * @property {string|null} [raw] Number raw
                 * @property {string|null} [e164] Number e164
                 * @property {boolean|null} [valid] Number valid
                 */

                /**
                 * Constructs a new Number.
                 * @memberof ringfence.cdr.v1
                 * @classdesc Represents a Number.
                 * @implements INumber
                 * @constructor
                 * @param {ringfence.cdr.v1.INumber=} [p] Properties to set
                 */
                function Number(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Number raw.
                 * @member {string} raw
                 * @memberof ringfence.cdr.v1.Number
                 * @instance
                 */
                Number.prototype.raw = "";

                /**
                 * Number e164.
                 * @member {string} e164
                 * @memberof ringfence.cdr.v1.Number
                 * @instance
                 */
                Number.prototype.e164 = "";

                /**
                 * Number valid.
                 * @member {boolean} valid
                 * @memberof ringfence.cdr.v1.Number
                 * @instance
                 */
                Number.prototype.valid = false;

                /**
                 * Creates a new Number instance using the specified properties.
                 * @function create
                 * @memberof ringfence.cdr.v1.Number
                 * @static
                 * @param {ringfence.cdr.v1.INumber=} [properties] Properties to set
                 * @returns {ringfence.cdr.v1.Number} Number instance
                 */
                Number.create = function create(properties) {
                    return new Number(properties);
                };

                /**
                 * Encodes the specified Number message. Does not implicitly {@link ringfence.cdr.v1.Number.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.cdr.v1.Number
                 * @static
                 * @param {ringfence.cdr.v1.INumber} m Number message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Number.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.raw != null && Object.hasOwnProperty.call(m, "raw"))
                        w.uint32(10).string(m.raw);
                    if (m.e164 != null && Object.hasOwnProperty.call(m, "e164"))
                        w.uint32(18).string(m.e164);
                    if (m.valid != null && Object.hasOwnProperty.call(m, "valid"))
                        w.uint32(24).bool(m.valid);
                    return w;
                };

                /**
                 * Decodes a Number message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.cdr.v1.Number
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.cdr.v1.Number} Number
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Number.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.cdr.v1.Number();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.raw = r.string();
                                break;
                            }
                        case 2: {
                                m.e164 = r.string();
                                break;
                            }
                        case 3: {
                                m.valid = r.bool();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a Number message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.cdr.v1.Number
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.cdr.v1.Number} Number
                 */
                Number.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.cdr.v1.Number)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.cdr.v1.Number: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.cdr.v1.Number();
                    if (d.raw != null) {
                        m.raw = String(d.raw);
                    }
                    if (d.e164 != null) {
                        m.e164 = String(d.e164);
                    }
                    if (d.valid != null) {
                        m.valid = Boolean(d.valid);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a Number message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.cdr.v1.Number
                 * @static
                 * @param {ringfence.cdr.v1.Number} m Number
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Number.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.raw = "";
                        d.e164 = "";
                        d.valid = false;
                    }
                    if (m.raw != null && Object.hasOwnProperty.call(m, "raw")) {
                        d.raw = m.raw;
                    }
                    if (m.e164 != null && Object.hasOwnProperty.call(m, "e164")) {
                        d.e164 = m.e164;
                    }
                    if (m.valid != null && Object.hasOwnProperty.call(m, "valid")) {
                        d.valid = m.valid;
                    }
                    return d;
                };

                /**
                 * Converts this Number to JSON.
                 * @function toJSON
                 * @memberof ringfence.cdr.v1.Number
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Number.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Number
                 * @function getTypeUrl
                 * @memberof ringfence.cdr.v1.Number
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Number.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.cdr.v1.Number";
                };

                return Number;
            })();

            v1.CallDetailRecord = (function() {

                /**
                 * Properties of a CallDetailRecord.
                 * @memberof ringfence.cdr.v1
                 * @interface ICallDetailRecord
                 * @property {string|null} [callId] CallDetailRecord callId
                 * @property {string|null} [switchId] CallDetailRecord switchId
                 * @property {number|null} [setupTimeMs] CallDetailRecord setupTimeMs
                 * @property {number|null} [answerTimeMs] CallDetailRecord answerTimeMs
                 * @property {number|null} [releaseTimeMs] CallDetailRecord releaseTimeMs
                 * @property {ringfence.cdr.v1.INumber|null} [calling] CallDetailRecord calling
                 * @property {ringfence.cdr.v1.INumber|null} [called] CallDetailRecord called
                 * @property {ringfence.cdr.v1.INumber|null} [asserted] CallDetailRecord asserted
                 * @property {string|null} [ingressTrunk] CallDetailRecord ingressTrunk
                 * @property {string|null} [ingressCarrier] CallDetailRecord ingressCarrier
                 * @property {string|null} [egressTrunk] CallDetailRecord egressTrunk
                 * @property {number|null} [releaseCause] CallDetailRecord releaseCause
                 * @property {ringfence.cdr.v1.Media|null} [media] CallDetailRecord media
                 * @property {ringfence.cdr.v1.Attestation|null} [attestation] CallDetailRecord attestation
                 * @property {string|null} [origid] CallDetailRecord origid
                 * @property {string|null} [deviceId] CallDetailRecord deviceId
                 * @property {string|null} [cellId] CallDetailRecord cellId
                 * @property {number|null} [ingestTimeMs] CallDetailRecord ingestTimeMs
                 * @property {ringfence.cdr.v1.CallingLocation|null} [callingLocation] CallDetailRecord callingLocation
                 */

                /**
                 * Constructs a new CallDetailRecord.
                 * @memberof ringfence.cdr.v1
                 * @classdesc Represents a CallDetailRecord.
                 * @implements ICallDetailRecord
                 * @constructor
                 * @param {ringfence.cdr.v1.ICallDetailRecord=} [p] Properties to set
                 */
                function CallDetailRecord(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * CallDetailRecord callId.
                 * @member {string} callId
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.callId = "";

                /**
                 * CallDetailRecord switchId.
                 * @member {string} switchId
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.switchId = "";

                /**
                 * CallDetailRecord setupTimeMs.
                 * @member {number} setupTimeMs
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.setupTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * CallDetailRecord answerTimeMs.
                 * @member {number} answerTimeMs
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.answerTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * CallDetailRecord releaseTimeMs.
                 * @member {number} releaseTimeMs
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.releaseTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * CallDetailRecord calling.
                 * @member {ringfence.cdr.v1.INumber|null|undefined} calling
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.calling = null;

                /**
                 * CallDetailRecord called.
                 * @member {ringfence.cdr.v1.INumber|null|undefined} called
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.called = null;

                /**
                 * CallDetailRecord asserted.
                 * @member {ringfence.cdr.v1.INumber|null|undefined} asserted
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.asserted = null;

                /**
                 * CallDetailRecord ingressTrunk.
                 * @member {string} ingressTrunk
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.ingressTrunk = "";

                /**
                 * CallDetailRecord ingressCarrier.
                 * @member {string} ingressCarrier
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.ingressCarrier = "";

                /**
                 * CallDetailRecord egressTrunk.
                 * @member {string} egressTrunk
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.egressTrunk = "";

                /**
                 * CallDetailRecord releaseCause.
                 * @member {number} releaseCause
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.releaseCause = 0;

                /**
                 * CallDetailRecord media.
                 * @member {ringfence.cdr.v1.Media} media
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.media = 0;

                /**
                 * CallDetailRecord attestation.
                 * @member {ringfence.cdr.v1.Attestation} attestation
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.attestation = 0;

                /**
                 * CallDetailRecord origid.
                 * @member {string} origid
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.origid = "";

                /**
                 * CallDetailRecord deviceId.
                 * @member {string} deviceId
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.deviceId = "";

                /**
                 * CallDetailRecord cellId.
                 * @member {string} cellId
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.cellId = "";

                /**
                 * CallDetailRecord ingestTimeMs.
                 * @member {number} ingestTimeMs
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.ingestTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * CallDetailRecord callingLocation.
                 * @member {ringfence.cdr.v1.CallingLocation} callingLocation
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 */
                CallDetailRecord.prototype.callingLocation = 0;

                /**
                 * Creates a new CallDetailRecord instance using the specified properties.
                 * @function create
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @static
                 * @param {ringfence.cdr.v1.ICallDetailRecord=} [properties] Properties to set
                 * @returns {ringfence.cdr.v1.CallDetailRecord} CallDetailRecord instance
                 */
                CallDetailRecord.create = function create(properties) {
                    return new CallDetailRecord(properties);
                };

                /**
                 * Encodes the specified CallDetailRecord message. Does not implicitly {@link ringfence.cdr.v1.CallDetailRecord.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @static
                 * @param {ringfence.cdr.v1.ICallDetailRecord} m CallDetailRecord message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CallDetailRecord.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.callId != null && Object.hasOwnProperty.call(m, "callId"))
                        w.uint32(10).string(m.callId);
                    if (m.switchId != null && Object.hasOwnProperty.call(m, "switchId"))
                        w.uint32(18).string(m.switchId);
                    if (m.setupTimeMs != null && Object.hasOwnProperty.call(m, "setupTimeMs"))
                        w.uint32(24).int64(m.setupTimeMs);
                    if (m.answerTimeMs != null && Object.hasOwnProperty.call(m, "answerTimeMs"))
                        w.uint32(32).int64(m.answerTimeMs);
                    if (m.releaseTimeMs != null && Object.hasOwnProperty.call(m, "releaseTimeMs"))
                        w.uint32(40).int64(m.releaseTimeMs);
                    if (m.calling != null && Object.hasOwnProperty.call(m, "calling"))
                        $root.ringfence.cdr.v1.Number.encode(m.calling, w.uint32(50).fork(), q + 1).ldelim();
                    if (m.called != null && Object.hasOwnProperty.call(m, "called"))
                        $root.ringfence.cdr.v1.Number.encode(m.called, w.uint32(58).fork(), q + 1).ldelim();
                    if (m.asserted != null && Object.hasOwnProperty.call(m, "asserted"))
                        $root.ringfence.cdr.v1.Number.encode(m.asserted, w.uint32(66).fork(), q + 1).ldelim();
                    if (m.ingressTrunk != null && Object.hasOwnProperty.call(m, "ingressTrunk"))
                        w.uint32(74).string(m.ingressTrunk);
                    if (m.ingressCarrier != null && Object.hasOwnProperty.call(m, "ingressCarrier"))
                        w.uint32(82).string(m.ingressCarrier);
                    if (m.egressTrunk != null && Object.hasOwnProperty.call(m, "egressTrunk"))
                        w.uint32(90).string(m.egressTrunk);
                    if (m.releaseCause != null && Object.hasOwnProperty.call(m, "releaseCause"))
                        w.uint32(96).uint32(m.releaseCause);
                    if (m.media != null && Object.hasOwnProperty.call(m, "media"))
                        w.uint32(104).int32(m.media);
                    if (m.attestation != null && Object.hasOwnProperty.call(m, "attestation"))
                        w.uint32(112).int32(m.attestation);
                    if (m.origid != null && Object.hasOwnProperty.call(m, "origid"))
                        w.uint32(122).string(m.origid);
                    if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId"))
                        w.uint32(130).string(m.deviceId);
                    if (m.cellId != null && Object.hasOwnProperty.call(m, "cellId"))
                        w.uint32(138).string(m.cellId);
                    if (m.ingestTimeMs != null && Object.hasOwnProperty.call(m, "ingestTimeMs"))
                        w.uint32(144).int64(m.ingestTimeMs);
                    if (m.callingLocation != null && Object.hasOwnProperty.call(m, "callingLocation"))
                        w.uint32(152).int32(m.callingLocation);
                    return w;
                };

                /**
                 * Decodes a CallDetailRecord message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.cdr.v1.CallDetailRecord} CallDetailRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CallDetailRecord.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.cdr.v1.CallDetailRecord();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.callId = r.string();
                                break;
                            }
                        case 2: {
                                m.switchId = r.string();
                                break;
                            }
                        case 3: {
                                m.setupTimeMs = r.int64();
                                break;
                            }
                        case 4: {
                                m.answerTimeMs = r.int64();
                                break;
                            }
                        case 5: {
                                m.releaseTimeMs = r.int64();
                                break;
                            }
                        case 6: {
                                m.calling = $root.ringfence.cdr.v1.Number.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 7: {
                                m.called = $root.ringfence.cdr.v1.Number.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 8: {
                                m.asserted = $root.ringfence.cdr.v1.Number.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 9: {
                                m.ingressTrunk = r.string();
                                break;
                            }
                        case 10: {
                                m.ingressCarrier = r.string();
                                break;
                            }
                        case 11: {
                                m.egressTrunk = r.string();
                                break;
                            }
                        case 12: {
                                m.releaseCause = r.uint32();
                                break;
                            }
                        case 13: {
                                m.media = r.int32();
                                break;
                            }
                        case 14: {
                                m.attestation = r.int32();
                                break;
                            }
                        case 15: {
                                m.origid = r.string();
                                break;
                            }
                        case 16: {
                                m.deviceId = r.string();
                                break;
                            }
                        case 17: {
                                m.cellId = r.string();
                                break;
                            }
                        case 18: {
                                m.ingestTimeMs = r.int64();
                                break;
                            }
                        case 19: {
                                m.callingLocation = r.int32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a CallDetailRecord message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.cdr.v1.CallDetailRecord} CallDetailRecord
                 */
                CallDetailRecord.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.cdr.v1.CallDetailRecord)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.cdr.v1.CallDetailRecord: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.cdr.v1.CallDetailRecord();
                    if (d.callId != null) {
                        m.callId = String(d.callId);
                    }
                    if (d.switchId != null) {
                        m.switchId = String(d.switchId);
                    }
                    if (d.setupTimeMs != null) {
                        if ($util.Long)
                            m.setupTimeMs = $util.Long.fromValue(d.setupTimeMs, false);
                        else if (typeof d.setupTimeMs === "string")
                            m.setupTimeMs = parseInt(d.setupTimeMs, 10);
                        else if (typeof d.setupTimeMs === "number")
                            m.setupTimeMs = d.setupTimeMs;
                        else if (typeof d.setupTimeMs === "object")
                            m.setupTimeMs = new $util.LongBits(d.setupTimeMs.low >>> 0, d.setupTimeMs.high >>> 0).toNumber();
                    }
                    if (d.answerTimeMs != null) {
                        if ($util.Long)
                            m.answerTimeMs = $util.Long.fromValue(d.answerTimeMs, false);
                        else if (typeof d.answerTimeMs === "string")
                            m.answerTimeMs = parseInt(d.answerTimeMs, 10);
                        else if (typeof d.answerTimeMs === "number")
                            m.answerTimeMs = d.answerTimeMs;
                        else if (typeof d.answerTimeMs === "object")
                            m.answerTimeMs = new $util.LongBits(d.answerTimeMs.low >>> 0, d.answerTimeMs.high >>> 0).toNumber();
                    }
                    if (d.releaseTimeMs != null) {
                        if ($util.Long)
                            m.releaseTimeMs = $util.Long.fromValue(d.releaseTimeMs, false);
                        else if (typeof d.releaseTimeMs === "string")
                            m.releaseTimeMs = parseInt(d.releaseTimeMs, 10);
                        else if (typeof d.releaseTimeMs === "number")
                            m.releaseTimeMs = d.releaseTimeMs;
                        else if (typeof d.releaseTimeMs === "object")
                            m.releaseTimeMs = new $util.LongBits(d.releaseTimeMs.low >>> 0, d.releaseTimeMs.high >>> 0).toNumber();
                    }
                    if (d.calling != null) {
                        if (!$util.isObject(d.calling))
                            throw TypeError(".ringfence.cdr.v1.CallDetailRecord.calling: object expected");
                        m.calling = $root.ringfence.cdr.v1.Number.fromObject(d.calling, n + 1);
                    }
                    if (d.called != null) {
                        if (!$util.isObject(d.called))
                            throw TypeError(".ringfence.cdr.v1.CallDetailRecord.called: object expected");
                        m.called = $root.ringfence.cdr.v1.Number.fromObject(d.called, n + 1);
                    }
                    if (d.asserted != null) {
                        if (!$util.isObject(d.asserted))
                            throw TypeError(".ringfence.cdr.v1.CallDetailRecord.asserted: object expected");
                        m.asserted = $root.ringfence.cdr.v1.Number.fromObject(d.asserted, n + 1);
                    }
                    if (d.ingressTrunk != null) {
                        m.ingressTrunk = String(d.ingressTrunk);
                    }
                    if (d.ingressCarrier != null) {
                        m.ingressCarrier = String(d.ingressCarrier);
                    }
                    if (d.egressTrunk != null) {
                        m.egressTrunk = String(d.egressTrunk);
                    }
                    if (d.releaseCause != null) {
                        m.releaseCause = d.releaseCause >>> 0;
                    }
                    switch (d.media) {
                    default:
                        if (typeof d.media === "number") {
                            m.media = d.media;
                            break;
                        }
                        break;
                    case "MEDIA_UNSPECIFIED":
                    case 0:
                        m.media = 0;
                        break;
                    case "MEDIA_AUDIO":
                    case 1:
                        m.media = 1;
                        break;
                    case "MEDIA_VIDEO":
                    case 2:
                        m.media = 2;
                        break;
                    }
                    switch (d.attestation) {
                    default:
                        if (typeof d.attestation === "number") {
                            m.attestation = d.attestation;
                            break;
                        }
                        break;
                    case "ATTESTATION_UNSPECIFIED":
                    case 0:
                        m.attestation = 0;
                        break;
                    case "ATTESTATION_A":
                    case 1:
                        m.attestation = 1;
                        break;
                    case "ATTESTATION_B":
                    case 2:
                        m.attestation = 2;
                        break;
                    case "ATTESTATION_C":
                    case 3:
                        m.attestation = 3;
                        break;
                    }
                    if (d.origid != null) {
                        m.origid = String(d.origid);
                    }
                    if (d.deviceId != null) {
                        m.deviceId = String(d.deviceId);
                    }
                    if (d.cellId != null) {
                        m.cellId = String(d.cellId);
                    }
                    if (d.ingestTimeMs != null) {
                        if ($util.Long)
                            m.ingestTimeMs = $util.Long.fromValue(d.ingestTimeMs, false);
                        else if (typeof d.ingestTimeMs === "string")
                            m.ingestTimeMs = parseInt(d.ingestTimeMs, 10);
                        else if (typeof d.ingestTimeMs === "number")
                            m.ingestTimeMs = d.ingestTimeMs;
                        else if (typeof d.ingestTimeMs === "object")
                            m.ingestTimeMs = new $util.LongBits(d.ingestTimeMs.low >>> 0, d.ingestTimeMs.high >>> 0).toNumber();
                    }
                    switch (d.callingLocation) {
                    default:
                        if (typeof d.callingLocation === "number") {
                            m.callingLocation = d.callingLocation;
                            break;
                        }
                        break;
                    case "CALLING_LOCATION_UNSPECIFIED":
                    case 0:
                        m.callingLocation = 0;
                        break;
                    case "CALLING_LOCATION_HOME":
                    case 1:
                        m.callingLocation = 1;
                        break;
                    case "CALLING_LOCATION_ROAMING":
                    case 2:
                        m.callingLocation = 2;
                        break;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a CallDetailRecord message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @static
                 * @param {ringfence.cdr.v1.CallDetailRecord} m CallDetailRecord
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CallDetailRecord.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.callId = "";
                        d.switchId = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.setupTimeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.setupTimeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.answerTimeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.answerTimeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.releaseTimeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.releaseTimeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.calling = null;
                        d.called = null;
                        d.asserted = null;
                        d.ingressTrunk = "";
                        d.ingressCarrier = "";
                        d.egressTrunk = "";
                        d.releaseCause = 0;
                        d.media = o.enums === String ? "MEDIA_UNSPECIFIED" : 0;
                        d.attestation = o.enums === String ? "ATTESTATION_UNSPECIFIED" : 0;
                        d.origid = "";
                        d.deviceId = "";
                        d.cellId = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.ingestTimeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.ingestTimeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.callingLocation = o.enums === String ? "CALLING_LOCATION_UNSPECIFIED" : 0;
                    }
                    if (m.callId != null && Object.hasOwnProperty.call(m, "callId")) {
                        d.callId = m.callId;
                    }
                    if (m.switchId != null && Object.hasOwnProperty.call(m, "switchId")) {
                        d.switchId = m.switchId;
                    }
                    if (m.setupTimeMs != null && Object.hasOwnProperty.call(m, "setupTimeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.setupTimeMs = typeof m.setupTimeMs === "number" ? BigInt(m.setupTimeMs) : $util.Long.fromBits(m.setupTimeMs.low >>> 0, m.setupTimeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.setupTimeMs === "number")
                            d.setupTimeMs = o.longs === String ? String(m.setupTimeMs) : m.setupTimeMs;
                        else
                            d.setupTimeMs = o.longs === String ? $util.Long.prototype.toString.call(m.setupTimeMs) : o.longs === Number ? new $util.LongBits(m.setupTimeMs.low >>> 0, m.setupTimeMs.high >>> 0).toNumber() : m.setupTimeMs;
                    }
                    if (m.answerTimeMs != null && Object.hasOwnProperty.call(m, "answerTimeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.answerTimeMs = typeof m.answerTimeMs === "number" ? BigInt(m.answerTimeMs) : $util.Long.fromBits(m.answerTimeMs.low >>> 0, m.answerTimeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.answerTimeMs === "number")
                            d.answerTimeMs = o.longs === String ? String(m.answerTimeMs) : m.answerTimeMs;
                        else
                            d.answerTimeMs = o.longs === String ? $util.Long.prototype.toString.call(m.answerTimeMs) : o.longs === Number ? new $util.LongBits(m.answerTimeMs.low >>> 0, m.answerTimeMs.high >>> 0).toNumber() : m.answerTimeMs;
                    }
                    if (m.releaseTimeMs != null && Object.hasOwnProperty.call(m, "releaseTimeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.releaseTimeMs = typeof m.releaseTimeMs === "number" ? BigInt(m.releaseTimeMs) : $util.Long.fromBits(m.releaseTimeMs.low >>> 0, m.releaseTimeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.releaseTimeMs === "number")
                            d.releaseTimeMs = o.longs === String ? String(m.releaseTimeMs) : m.releaseTimeMs;
                        else
                            d.releaseTimeMs = o.longs === String ? $util.Long.prototype.toString.call(m.releaseTimeMs) : o.longs === Number ? new $util.LongBits(m.releaseTimeMs.low >>> 0, m.releaseTimeMs.high >>> 0).toNumber() : m.releaseTimeMs;
                    }
                    if (m.calling != null && Object.hasOwnProperty.call(m, "calling")) {
                        d.calling = $root.ringfence.cdr.v1.Number.toObject(m.calling, o, q + 1);
                    }
                    if (m.called != null && Object.hasOwnProperty.call(m, "called")) {
                        d.called = $root.ringfence.cdr.v1.Number.toObject(m.called, o, q + 1);
                    }
                    if (m.asserted != null && Object.hasOwnProperty.call(m, "asserted")) {
                        d.asserted = $root.ringfence.cdr.v1.Number.toObject(m.asserted, o, q + 1);
                    }
                    if (m.ingressTrunk != null && Object.hasOwnProperty.call(m, "ingressTrunk")) {
                        d.ingressTrunk = m.ingressTrunk;
                    }
                    if (m.ingressCarrier != null && Object.hasOwnProperty.call(m, "ingressCarrier")) {
                        d.ingressCarrier = m.ingressCarrier;
                    }
                    if (m.egressTrunk != null && Object.hasOwnProperty.call(m, "egressTrunk")) {
                        d.egressTrunk = m.egressTrunk;
                    }
                    if (m.releaseCause != null && Object.hasOwnProperty.call(m, "releaseCause")) {
                        d.releaseCause = m.releaseCause;
                    }
                    if (m.media != null && Object.hasOwnProperty.call(m, "media")) {
                        d.media = o.enums === String ? $root.ringfence.cdr.v1.Media[m.media] === undefined ? m.media : $root.ringfence.cdr.v1.Media[m.media] : m.media;
                    }
                    if (m.attestation != null && Object.hasOwnProperty.call(m, "attestation")) {
                        d.attestation = o.enums === String ? $root.ringfence.cdr.v1.Attestation[m.attestation] === undefined ? m.attestation : $root.ringfence.cdr.v1.Attestation[m.attestation] : m.attestation;
                    }
                    if (m.origid != null && Object.hasOwnProperty.call(m, "origid")) {
                        d.origid = m.origid;
                    }
                    if (m.deviceId != null && Object.hasOwnProperty.call(m, "deviceId")) {
                        d.deviceId = m.deviceId;
                    }
                    if (m.cellId != null && Object.hasOwnProperty.call(m, "cellId")) {
                        d.cellId = m.cellId;
                    }
                    if (m.ingestTimeMs != null && Object.hasOwnProperty.call(m, "ingestTimeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.ingestTimeMs = typeof m.ingestTimeMs === "number" ? BigInt(m.ingestTimeMs) : $util.Long.fromBits(m.ingestTimeMs.low >>> 0, m.ingestTimeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.ingestTimeMs === "number")
                            d.ingestTimeMs = o.longs === String ? String(m.ingestTimeMs) : m.ingestTimeMs;
                        else
                            d.ingestTimeMs = o.longs === String ? $util.Long.prototype.toString.call(m.ingestTimeMs) : o.longs === Number ? new $util.LongBits(m.ingestTimeMs.low >>> 0, m.ingestTimeMs.high >>> 0).toNumber() : m.ingestTimeMs;
                    }
                    if (m.callingLocation != null && Object.hasOwnProperty.call(m, "callingLocation")) {
                        d.callingLocation = o.enums === String ? $root.ringfence.cdr.v1.CallingLocation[m.callingLocation] === undefined ? m.callingLocation : $root.ringfence.cdr.v1.CallingLocation[m.callingLocation] : m.callingLocation;
                    }
                    return d;
                };

                /**
                 * Converts this CallDetailRecord to JSON.
                 * @function toJSON
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CallDetailRecord.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for CallDetailRecord
                 * @function getTypeUrl
                 * @memberof ringfence.cdr.v1.CallDetailRecord
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                CallDetailRecord.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.cdr.v1.CallDetailRecord";
                };

                return CallDetailRecord;
            })();

            /**
             * ComplaintCategory enum.
             * @name ringfence.cdr.v1.ComplaintCategory
             * @enum {number}
             * @property {number} COMPLAINT_CATEGORY_UNSPECIFIED=0 COMPLAINT_CATEGORY_UNSPECIFIED value
             * @property {number} COMPLAINT_CATEGORY_HARASSMENT=1 COMPLAINT_CATEGORY_HARASSMENT value
             * @property {number} COMPLAINT_CATEGORY_FRAUD=2 COMPLAINT_CATEGORY_FRAUD value
             * @property {number} COMPLAINT_CATEGORY_MARKETING=3 COMPLAINT_CATEGORY_MARKETING value
             * @property {number} COMPLAINT_CATEGORY_OTHER=4 COMPLAINT_CATEGORY_OTHER value
             */
            v1.ComplaintCategory = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "COMPLAINT_CATEGORY_UNSPECIFIED"] = 0;
                values[valuesById[1] = "COMPLAINT_CATEGORY_HARASSMENT"] = 1;
                values[valuesById[2] = "COMPLAINT_CATEGORY_FRAUD"] = 2;
                values[valuesById[3] = "COMPLAINT_CATEGORY_MARKETING"] = 3;
                values[valuesById[4] = "COMPLAINT_CATEGORY_OTHER"] = 4;
                return values;
            })();

            v1.ComplaintEvent = (function() {

                /**
                 * Properties of a ComplaintEvent.
                 * @memberof ringfence.cdr.v1
                 * @interface IComplaintEvent
                 * @property {string|null} [complaintId] ComplaintEvent complaintId
                 * @property {number|null} [timeMs] ComplaintEvent timeMs
                 * @property {ringfence.cdr.v1.INumber|null} [reporter] ComplaintEvent reporter
                 * @property {ringfence.cdr.v1.INumber|null} [reported] ComplaintEvent reported
                 * @property {ringfence.cdr.v1.ComplaintCategory|null} [category] ComplaintEvent category
                 * @property {string|null} [callId] ComplaintEvent callId
                 * @property {number|null} [ingestTimeMs] ComplaintEvent ingestTimeMs
                 */

                /**
                 * Constructs a new ComplaintEvent.
                 * @memberof ringfence.cdr.v1
                 * @classdesc Represents a ComplaintEvent.
                 * @implements IComplaintEvent
                 * @constructor
                 * @param {ringfence.cdr.v1.IComplaintEvent=} [p] Properties to set
                 */
                function ComplaintEvent(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * ComplaintEvent complaintId.
                 * @member {string} complaintId
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @instance
                 */
                ComplaintEvent.prototype.complaintId = "";

                /**
                 * ComplaintEvent timeMs.
                 * @member {number} timeMs
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @instance
                 */
                ComplaintEvent.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * ComplaintEvent reporter.
                 * @member {ringfence.cdr.v1.INumber|null|undefined} reporter
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @instance
                 */
                ComplaintEvent.prototype.reporter = null;

                /**
                 * ComplaintEvent reported.
                 * @member {ringfence.cdr.v1.INumber|null|undefined} reported
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @instance
                 */
                ComplaintEvent.prototype.reported = null;

                /**
                 * ComplaintEvent category.
                 * @member {ringfence.cdr.v1.ComplaintCategory} category
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @instance
                 */
                ComplaintEvent.prototype.category = 0;

                /**
                 * ComplaintEvent callId.
                 * @member {string} callId
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @instance
                 */
                ComplaintEvent.prototype.callId = "";

                /**
                 * ComplaintEvent ingestTimeMs.
                 * @member {number} ingestTimeMs
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @instance
                 */
                ComplaintEvent.prototype.ingestTimeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new ComplaintEvent instance using the specified properties.
                 * @function create
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @static
                 * @param {ringfence.cdr.v1.IComplaintEvent=} [properties] Properties to set
                 * @returns {ringfence.cdr.v1.ComplaintEvent} ComplaintEvent instance
                 */
                ComplaintEvent.create = function create(properties) {
                    return new ComplaintEvent(properties);
                };

                /**
                 * Encodes the specified ComplaintEvent message. Does not implicitly {@link ringfence.cdr.v1.ComplaintEvent.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @static
                 * @param {ringfence.cdr.v1.IComplaintEvent} m ComplaintEvent message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ComplaintEvent.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.complaintId != null && Object.hasOwnProperty.call(m, "complaintId"))
                        w.uint32(10).string(m.complaintId);
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs"))
                        w.uint32(16).int64(m.timeMs);
                    if (m.reporter != null && Object.hasOwnProperty.call(m, "reporter"))
                        $root.ringfence.cdr.v1.Number.encode(m.reporter, w.uint32(26).fork(), q + 1).ldelim();
                    if (m.reported != null && Object.hasOwnProperty.call(m, "reported"))
                        $root.ringfence.cdr.v1.Number.encode(m.reported, w.uint32(34).fork(), q + 1).ldelim();
                    if (m.category != null && Object.hasOwnProperty.call(m, "category"))
                        w.uint32(40).int32(m.category);
                    if (m.callId != null && Object.hasOwnProperty.call(m, "callId"))
                        w.uint32(50).string(m.callId);
                    if (m.ingestTimeMs != null && Object.hasOwnProperty.call(m, "ingestTimeMs"))
                        w.uint32(56).int64(m.ingestTimeMs);
                    return w;
                };

                /**
                 * Decodes a ComplaintEvent message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.cdr.v1.ComplaintEvent} ComplaintEvent
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ComplaintEvent.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.cdr.v1.ComplaintEvent();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.complaintId = r.string();
                                break;
                            }
                        case 2: {
                                m.timeMs = r.int64();
                                break;
                            }
                        case 3: {
                                m.reporter = $root.ringfence.cdr.v1.Number.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 4: {
                                m.reported = $root.ringfence.cdr.v1.Number.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 5: {
                                m.category = r.int32();
                                break;
                            }
                        case 6: {
                                m.callId = r.string();
                                break;
                            }
                        case 7: {
                                m.ingestTimeMs = r.int64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a ComplaintEvent message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.cdr.v1.ComplaintEvent} ComplaintEvent
                 */
                ComplaintEvent.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.cdr.v1.ComplaintEvent)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.cdr.v1.ComplaintEvent: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.cdr.v1.ComplaintEvent();
                    if (d.complaintId != null) {
                        m.complaintId = String(d.complaintId);
                    }
                    if (d.timeMs != null) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, false);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber();
                    }
                    if (d.reporter != null) {
                        if (!$util.isObject(d.reporter))
                            throw TypeError(".ringfence.cdr.v1.ComplaintEvent.reporter: object expected");
                        m.reporter = $root.ringfence.cdr.v1.Number.fromObject(d.reporter, n + 1);
                    }
                    if (d.reported != null) {
                        if (!$util.isObject(d.reported))
                            throw TypeError(".ringfence.cdr.v1.ComplaintEvent.reported: object expected");
                        m.reported = $root.ringfence.cdr.v1.Number.fromObject(d.reported, n + 1);
                    }
                    switch (d.category) {
                    default:
                        if (typeof d.category === "number") {
                            m.category = d.category;
                            break;
                        }
                        break;
                    case "COMPLAINT_CATEGORY_UNSPECIFIED":
                    case 0:
                        m.category = 0;
                        break;
                    case "COMPLAINT_CATEGORY_HARASSMENT":
                    case 1:
                        m.category = 1;
                        break;
                    case "COMPLAINT_CATEGORY_FRAUD":
                    case 2:
                        m.category = 2;
                        break;
                    case "COMPLAINT_CATEGORY_MARKETING":
                    case 3:
                        m.category = 3;
                        break;
                    case "COMPLAINT_CATEGORY_OTHER":
                    case 4:
                        m.category = 4;
                        break;
                    }
                    if (d.callId != null) {
                        m.callId = String(d.callId);
                    }
                    if (d.ingestTimeMs != null) {
                        if ($util.Long)
                            m.ingestTimeMs = $util.Long.fromValue(d.ingestTimeMs, false);
                        else if (typeof d.ingestTimeMs === "string")
                            m.ingestTimeMs = parseInt(d.ingestTimeMs, 10);
                        else if (typeof d.ingestTimeMs === "number")
                            m.ingestTimeMs = d.ingestTimeMs;
                        else if (typeof d.ingestTimeMs === "object")
                            m.ingestTimeMs = new $util.LongBits(d.ingestTimeMs.low >>> 0, d.ingestTimeMs.high >>> 0).toNumber();
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a ComplaintEvent message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @static
                 * @param {ringfence.cdr.v1.ComplaintEvent} m ComplaintEvent
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ComplaintEvent.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.complaintId = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.timeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.timeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.reporter = null;
                        d.reported = null;
                        d.category = o.enums === String ? "COMPLAINT_CATEGORY_UNSPECIFIED" : 0;
                        d.callId = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.ingestTimeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.ingestTimeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.complaintId != null && Object.hasOwnProperty.call(m, "complaintId")) {
                        d.complaintId = m.complaintId;
                    }
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.timeMs = typeof m.timeMs === "number" ? BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.timeMs === "number")
                            d.timeMs = o.longs === String ? String(m.timeMs) : m.timeMs;
                        else
                            d.timeMs = o.longs === String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber() : m.timeMs;
                    }
                    if (m.reporter != null && Object.hasOwnProperty.call(m, "reporter")) {
                        d.reporter = $root.ringfence.cdr.v1.Number.toObject(m.reporter, o, q + 1);
                    }
                    if (m.reported != null && Object.hasOwnProperty.call(m, "reported")) {
                        d.reported = $root.ringfence.cdr.v1.Number.toObject(m.reported, o, q + 1);
                    }
                    if (m.category != null && Object.hasOwnProperty.call(m, "category")) {
                        d.category = o.enums === String ? $root.ringfence.cdr.v1.ComplaintCategory[m.category] === undefined ? m.category : $root.ringfence.cdr.v1.ComplaintCategory[m.category] : m.category;
                    }
                    if (m.callId != null && Object.hasOwnProperty.call(m, "callId")) {
                        d.callId = m.callId;
                    }
                    if (m.ingestTimeMs != null && Object.hasOwnProperty.call(m, "ingestTimeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.ingestTimeMs = typeof m.ingestTimeMs === "number" ? BigInt(m.ingestTimeMs) : $util.Long.fromBits(m.ingestTimeMs.low >>> 0, m.ingestTimeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.ingestTimeMs === "number")
                            d.ingestTimeMs = o.longs === String ? String(m.ingestTimeMs) : m.ingestTimeMs;
                        else
                            d.ingestTimeMs = o.longs === String ? $util.Long.prototype.toString.call(m.ingestTimeMs) : o.longs === Number ? new $util.LongBits(m.ingestTimeMs.low >>> 0, m.ingestTimeMs.high >>> 0).toNumber() : m.ingestTimeMs;
                    }
                    return d;
                };

                /**
                 * Converts this ComplaintEvent to JSON.
                 * @function toJSON
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ComplaintEvent.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for ComplaintEvent
                 * @function getTypeUrl
                 * @memberof ringfence.cdr.v1.ComplaintEvent
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                ComplaintEvent.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.cdr.v1.ComplaintEvent";
                };

                return ComplaintEvent;
            })();

            v1.DeadLetter = (function() {

                /**
                 * Properties of a DeadLetter.
                 * @memberof ringfence.cdr.v1
                 * @interface IDeadLetter
                 * @property {Uint8Array|null} [original] DeadLetter original
                 * @property {string|null} [reason] DeadLetter reason
                 * @property {string|null} [message] DeadLetter message
                 * @property {string|null} [source] DeadLetter source
                 * @property {number|null} [timeMs] DeadLetter timeMs
                 * @property {string|null} [kind] DeadLetter kind
                 */

                /**
                 * Constructs a new DeadLetter.
                 * @memberof ringfence.cdr.v1
                 * @classdesc Represents a DeadLetter.
                 * @implements IDeadLetter
                 * @constructor
                 * @param {ringfence.cdr.v1.IDeadLetter=} [p] Properties to set
                 */
                function DeadLetter(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * DeadLetter original.
                 * @member {Uint8Array} original
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @instance
                 */
                DeadLetter.prototype.original = $util.newBuffer([]);

                /**
                 * DeadLetter reason.
                 * @member {string} reason
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @instance
                 */
                DeadLetter.prototype.reason = "";

                /**
                 * DeadLetter message.
                 * @member {string} message
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @instance
                 */
                DeadLetter.prototype.message = "";

                /**
                 * DeadLetter source.
                 * @member {string} source
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @instance
                 */
                DeadLetter.prototype.source = "";

                /**
                 * DeadLetter timeMs.
                 * @member {number} timeMs
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @instance
                 */
                DeadLetter.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * DeadLetter kind.
                 * @member {string} kind
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @instance
                 */
                DeadLetter.prototype.kind = "";

                /**
                 * Creates a new DeadLetter instance using the specified properties.
                 * @function create
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @static
                 * @param {ringfence.cdr.v1.IDeadLetter=} [properties] Properties to set
                 * @returns {ringfence.cdr.v1.DeadLetter} DeadLetter instance
                 */
                DeadLetter.create = function create(properties) {
                    return new DeadLetter(properties);
                };

                /**
                 * Encodes the specified DeadLetter message. Does not implicitly {@link ringfence.cdr.v1.DeadLetter.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @static
                 * @param {ringfence.cdr.v1.IDeadLetter} m DeadLetter message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                DeadLetter.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.original != null && Object.hasOwnProperty.call(m, "original"))
                        w.uint32(10).bytes(m.original);
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason"))
                        w.uint32(18).string(m.reason);
                    if (m.message != null && Object.hasOwnProperty.call(m, "message"))
                        w.uint32(26).string(m.message);
                    if (m.source != null && Object.hasOwnProperty.call(m, "source"))
                        w.uint32(34).string(m.source);
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs"))
                        w.uint32(40).int64(m.timeMs);
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                        w.uint32(50).string(m.kind);
                    return w;
                };

                /**
                 * Decodes a DeadLetter message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.cdr.v1.DeadLetter} DeadLetter
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                DeadLetter.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.cdr.v1.DeadLetter();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.original = r.bytes();
                                break;
                            }
                        case 2: {
                                m.reason = r.string();
                                break;
                            }
                        case 3: {
                                m.message = r.string();
                                break;
                            }
                        case 4: {
                                m.source = r.string();
                                break;
                            }
                        case 5: {
                                m.timeMs = r.int64();
                                break;
                            }
                        case 6: {
                                m.kind = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a DeadLetter message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.cdr.v1.DeadLetter} DeadLetter
                 */
                DeadLetter.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.cdr.v1.DeadLetter)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.cdr.v1.DeadLetter: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.cdr.v1.DeadLetter();
                    if (d.original != null) {
                        if (typeof d.original === "string")
                            $util.base64.decode(d.original, m.original = $util.newBuffer($util.base64.length(d.original)), 0);
                        else if (d.original.length >= 0)
                            m.original = d.original;
                    }
                    if (d.reason != null) {
                        m.reason = String(d.reason);
                    }
                    if (d.message != null) {
                        m.message = String(d.message);
                    }
                    if (d.source != null) {
                        m.source = String(d.source);
                    }
                    if (d.timeMs != null) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, false);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber();
                    }
                    if (d.kind != null) {
                        m.kind = String(d.kind);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a DeadLetter message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @static
                 * @param {ringfence.cdr.v1.DeadLetter} m DeadLetter
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                DeadLetter.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        if (o.bytes === String)
                            d.original = "";
                        else {
                            d.original = [];
                            if (o.bytes !== Array)
                                d.original = $util.newBuffer(d.original);
                        }
                        d.reason = "";
                        d.message = "";
                        d.source = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.timeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.timeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.kind = "";
                    }
                    if (m.original != null && Object.hasOwnProperty.call(m, "original")) {
                        d.original = o.bytes === String ? $util.base64.encode(m.original, 0, m.original.length) : o.bytes === Array ? Array.prototype.slice.call(m.original) : m.original;
                    }
                    if (m.reason != null && Object.hasOwnProperty.call(m, "reason")) {
                        d.reason = m.reason;
                    }
                    if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                        d.message = m.message;
                    }
                    if (m.source != null && Object.hasOwnProperty.call(m, "source")) {
                        d.source = m.source;
                    }
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.timeMs = typeof m.timeMs === "number" ? BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.timeMs === "number")
                            d.timeMs = o.longs === String ? String(m.timeMs) : m.timeMs;
                        else
                            d.timeMs = o.longs === String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber() : m.timeMs;
                    }
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                        d.kind = m.kind;
                    }
                    return d;
                };

                /**
                 * Converts this DeadLetter to JSON.
                 * @function toJSON
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                DeadLetter.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for DeadLetter
                 * @function getTypeUrl
                 * @memberof ringfence.cdr.v1.DeadLetter
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                DeadLetter.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.cdr.v1.DeadLetter";
                };

                return DeadLetter;
            })();

            return v1;
        })();

        return cdr;
    })();

    ringfence.feedback = (function() {

        /**
         * Namespace feedback.
         * @memberof ringfence
         * @namespace
         */
        const feedback = {};

        feedback.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof ringfence.feedback
             * @namespace
             */
            const v1 = {};

            /**
             * FeedbackAction enum.
             * @name ringfence.feedback.v1.FeedbackAction
             * @enum {number}
             * @property {number} FEEDBACK_ACTION_UNSPECIFIED=0 FEEDBACK_ACTION_UNSPECIFIED value
             * @property {number} FEEDBACK_ACTION_CONFIRM=1 FEEDBACK_ACTION_CONFIRM value
             * @property {number} FEEDBACK_ACTION_FALSE_POSITIVE=2 FEEDBACK_ACTION_FALSE_POSITIVE value
             * @property {number} FEEDBACK_ACTION_ALLOWLIST=3 FEEDBACK_ACTION_ALLOWLIST value
             * @property {number} FEEDBACK_ACTION_BLOCKLIST=4 FEEDBACK_ACTION_BLOCKLIST value
             * @property {number} FEEDBACK_ACTION_NOTE=5 FEEDBACK_ACTION_NOTE value
             * @property {number} FEEDBACK_ACTION_UNDO=6 FEEDBACK_ACTION_UNDO value
             */
            v1.FeedbackAction = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "FEEDBACK_ACTION_UNSPECIFIED"] = 0;
                values[valuesById[1] = "FEEDBACK_ACTION_CONFIRM"] = 1;
                values[valuesById[2] = "FEEDBACK_ACTION_FALSE_POSITIVE"] = 2;
                values[valuesById[3] = "FEEDBACK_ACTION_ALLOWLIST"] = 3;
                values[valuesById[4] = "FEEDBACK_ACTION_BLOCKLIST"] = 4;
                values[valuesById[5] = "FEEDBACK_ACTION_NOTE"] = 5;
                values[valuesById[6] = "FEEDBACK_ACTION_UNDO"] = 6;
                return values;
            })();

            v1.Feedback = (function() {

                /**
                 * Properties of a Feedback.
                 * @memberof ringfence.feedback.v1
                 * @interface IFeedback
                 * @property {string|null} [feedbackId] Feedback feedbackId
                 * @property {number|null} [timeMs] Feedback timeMs
                 * @property {ringfence.risk.v1.SubjectKind|null} [kind] Feedback kind
                 * @property {string|null} [id] Feedback id
                 * @property {ringfence.feedback.v1.FeedbackAction|null} [action] Feedback action
                 * @property {string|null} [operator] Feedback operator
                 * @property {string|null} [note] Feedback note
                 * @property {string|null} [undoes] Feedback undoes
                 * @property {string|null} [caseId] Feedback caseId
                 * @property {number|null} [expiresMs] Feedback expiresMs
                 */

                /**
                 * Constructs a new Feedback.
                 * @memberof ringfence.feedback.v1
                 * @classdesc Represents a Feedback.
                 * @implements IFeedback
                 * @constructor
                 * @param {ringfence.feedback.v1.IFeedback=} [p] Properties to set
                 */
                function Feedback(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Feedback feedbackId.
                 * @member {string} feedbackId
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.feedbackId = "";

                /**
                 * Feedback timeMs.
                 * @member {number} timeMs
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Feedback kind.
                 * @member {ringfence.risk.v1.SubjectKind} kind
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.kind = 0;

                /**
                 * Feedback id.
                 * @member {string} id
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.id = "";

                /**
                 * Feedback action.
                 * @member {ringfence.feedback.v1.FeedbackAction} action
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.action = 0;

                /**
                 * Feedback operator.
                 * @member {string} operator
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.operator = "";

                /**
                 * Feedback note.
                 * @member {string} note
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.note = "";

                /**
                 * Feedback undoes.
                 * @member {string} undoes
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.undoes = "";

                /**
                 * Feedback caseId.
                 * @member {string} caseId
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.caseId = "";

                /**
                 * Feedback expiresMs.
                 * @member {number} expiresMs
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 */
                Feedback.prototype.expiresMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new Feedback instance using the specified properties.
                 * @function create
                 * @memberof ringfence.feedback.v1.Feedback
                 * @static
                 * @param {ringfence.feedback.v1.IFeedback=} [properties] Properties to set
                 * @returns {ringfence.feedback.v1.Feedback} Feedback instance
                 */
                Feedback.create = function create(properties) {
                    return new Feedback(properties);
                };

                /**
                 * Encodes the specified Feedback message. Does not implicitly {@link ringfence.feedback.v1.Feedback.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.feedback.v1.Feedback
                 * @static
                 * @param {ringfence.feedback.v1.IFeedback} m Feedback message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Feedback.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.feedbackId != null && Object.hasOwnProperty.call(m, "feedbackId"))
                        w.uint32(10).string(m.feedbackId);
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs"))
                        w.uint32(16).int64(m.timeMs);
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                        w.uint32(24).int32(m.kind);
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(34).string(m.id);
                    if (m.action != null && Object.hasOwnProperty.call(m, "action"))
                        w.uint32(40).int32(m.action);
                    if (m.operator != null && Object.hasOwnProperty.call(m, "operator"))
                        w.uint32(50).string(m.operator);
                    if (m.note != null && Object.hasOwnProperty.call(m, "note"))
                        w.uint32(58).string(m.note);
                    if (m.undoes != null && Object.hasOwnProperty.call(m, "undoes"))
                        w.uint32(66).string(m.undoes);
                    if (m.caseId != null && Object.hasOwnProperty.call(m, "caseId"))
                        w.uint32(74).string(m.caseId);
                    if (m.expiresMs != null && Object.hasOwnProperty.call(m, "expiresMs"))
                        w.uint32(80).int64(m.expiresMs);
                    return w;
                };

                /**
                 * Decodes a Feedback message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.feedback.v1.Feedback
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.feedback.v1.Feedback} Feedback
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Feedback.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.feedback.v1.Feedback();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.feedbackId = r.string();
                                break;
                            }
                        case 2: {
                                m.timeMs = r.int64();
                                break;
                            }
                        case 3: {
                                m.kind = r.int32();
                                break;
                            }
                        case 4: {
                                m.id = r.string();
                                break;
                            }
                        case 5: {
                                m.action = r.int32();
                                break;
                            }
                        case 6: {
                                m.operator = r.string();
                                break;
                            }
                        case 7: {
                                m.note = r.string();
                                break;
                            }
                        case 8: {
                                m.undoes = r.string();
                                break;
                            }
                        case 9: {
                                m.caseId = r.string();
                                break;
                            }
                        case 10: {
                                m.expiresMs = r.int64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a Feedback message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.feedback.v1.Feedback
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.feedback.v1.Feedback} Feedback
                 */
                Feedback.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.feedback.v1.Feedback)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.feedback.v1.Feedback: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.feedback.v1.Feedback();
                    if (d.feedbackId != null) {
                        m.feedbackId = String(d.feedbackId);
                    }
                    if (d.timeMs != null) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, false);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber();
                    }
                    switch (d.kind) {
                    default:
                        if (typeof d.kind === "number") {
                            m.kind = d.kind;
                            break;
                        }
                        break;
                    case "SUBJECT_KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "SUBJECT_KIND_NUMBER":
                    case 1:
                        m.kind = 1;
                        break;
                    case "SUBJECT_KIND_TRUNK":
                    case 2:
                        m.kind = 2;
                        break;
                    case "SUBJECT_KIND_CARRIER":
                    case 3:
                        m.kind = 3;
                        break;
                    case "SUBJECT_KIND_DEVICE":
                    case 4:
                        m.kind = 4;
                        break;
                    }
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    switch (d.action) {
                    default:
                        if (typeof d.action === "number") {
                            m.action = d.action;
                            break;
                        }
                        break;
                    case "FEEDBACK_ACTION_UNSPECIFIED":
                    case 0:
                        m.action = 0;
                        break;
                    case "FEEDBACK_ACTION_CONFIRM":
                    case 1:
                        m.action = 1;
                        break;
                    case "FEEDBACK_ACTION_FALSE_POSITIVE":
                    case 2:
                        m.action = 2;
                        break;
                    case "FEEDBACK_ACTION_ALLOWLIST":
                    case 3:
                        m.action = 3;
                        break;
                    case "FEEDBACK_ACTION_BLOCKLIST":
                    case 4:
                        m.action = 4;
                        break;
                    case "FEEDBACK_ACTION_NOTE":
                    case 5:
                        m.action = 5;
                        break;
                    case "FEEDBACK_ACTION_UNDO":
                    case 6:
                        m.action = 6;
                        break;
                    }
                    if (d.operator != null) {
                        m.operator = String(d.operator);
                    }
                    if (d.note != null) {
                        m.note = String(d.note);
                    }
                    if (d.undoes != null) {
                        m.undoes = String(d.undoes);
                    }
                    if (d.caseId != null) {
                        m.caseId = String(d.caseId);
                    }
                    if (d.expiresMs != null) {
                        if ($util.Long)
                            m.expiresMs = $util.Long.fromValue(d.expiresMs, false);
                        else if (typeof d.expiresMs === "string")
                            m.expiresMs = parseInt(d.expiresMs, 10);
                        else if (typeof d.expiresMs === "number")
                            m.expiresMs = d.expiresMs;
                        else if (typeof d.expiresMs === "object")
                            m.expiresMs = new $util.LongBits(d.expiresMs.low >>> 0, d.expiresMs.high >>> 0).toNumber();
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a Feedback message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.feedback.v1.Feedback
                 * @static
                 * @param {ringfence.feedback.v1.Feedback} m Feedback
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Feedback.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.feedbackId = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.timeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.timeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.kind = o.enums === String ? "SUBJECT_KIND_UNSPECIFIED" : 0;
                        d.id = "";
                        d.action = o.enums === String ? "FEEDBACK_ACTION_UNSPECIFIED" : 0;
                        d.operator = "";
                        d.note = "";
                        d.undoes = "";
                        d.caseId = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.expiresMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.expiresMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.feedbackId != null && Object.hasOwnProperty.call(m, "feedbackId")) {
                        d.feedbackId = m.feedbackId;
                    }
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.timeMs = typeof m.timeMs === "number" ? BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.timeMs === "number")
                            d.timeMs = o.longs === String ? String(m.timeMs) : m.timeMs;
                        else
                            d.timeMs = o.longs === String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber() : m.timeMs;
                    }
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                        d.kind = o.enums === String ? $root.ringfence.risk.v1.SubjectKind[m.kind] === undefined ? m.kind : $root.ringfence.risk.v1.SubjectKind[m.kind] : m.kind;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.action != null && Object.hasOwnProperty.call(m, "action")) {
                        d.action = o.enums === String ? $root.ringfence.feedback.v1.FeedbackAction[m.action] === undefined ? m.action : $root.ringfence.feedback.v1.FeedbackAction[m.action] : m.action;
                    }
                    if (m.operator != null && Object.hasOwnProperty.call(m, "operator")) {
                        d.operator = m.operator;
                    }
                    if (m.note != null && Object.hasOwnProperty.call(m, "note")) {
                        d.note = m.note;
                    }
                    if (m.undoes != null && Object.hasOwnProperty.call(m, "undoes")) {
                        d.undoes = m.undoes;
                    }
                    if (m.caseId != null && Object.hasOwnProperty.call(m, "caseId")) {
                        d.caseId = m.caseId;
                    }
                    if (m.expiresMs != null && Object.hasOwnProperty.call(m, "expiresMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.expiresMs = typeof m.expiresMs === "number" ? BigInt(m.expiresMs) : $util.Long.fromBits(m.expiresMs.low >>> 0, m.expiresMs.high >>> 0, false).toBigInt();
                        else if (typeof m.expiresMs === "number")
                            d.expiresMs = o.longs === String ? String(m.expiresMs) : m.expiresMs;
                        else
                            d.expiresMs = o.longs === String ? $util.Long.prototype.toString.call(m.expiresMs) : o.longs === Number ? new $util.LongBits(m.expiresMs.low >>> 0, m.expiresMs.high >>> 0).toNumber() : m.expiresMs;
                    }
                    return d;
                };

                /**
                 * Converts this Feedback to JSON.
                 * @function toJSON
                 * @memberof ringfence.feedback.v1.Feedback
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Feedback.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Feedback
                 * @function getTypeUrl
                 * @memberof ringfence.feedback.v1.Feedback
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Feedback.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.feedback.v1.Feedback";
                };

                return Feedback;
            })();

            return v1;
        })();

        return feedback;
    })();

    ringfence.risk = (function() {

        /**
         * Namespace risk.
         * @memberof ringfence
         * @namespace
         */
        const risk = {};

        risk.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof ringfence.risk
             * @namespace
             */
            const v1 = {};

            /**
             * Level enum.
             * @name ringfence.risk.v1.Level
             * @enum {number}
             * @property {number} LEVEL_NONE=0 LEVEL_NONE value
             * @property {number} LEVEL_LOW=1 LEVEL_LOW value
             * @property {number} LEVEL_MEDIUM=2 LEVEL_MEDIUM value
             * @property {number} LEVEL_HIGH=3 LEVEL_HIGH value
             */
            v1.Level = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "LEVEL_NONE"] = 0;
                values[valuesById[1] = "LEVEL_LOW"] = 1;
                values[valuesById[2] = "LEVEL_MEDIUM"] = 2;
                values[valuesById[3] = "LEVEL_HIGH"] = 3;
                return values;
            })();

            /**
             * SubjectKind enum.
             * @name ringfence.risk.v1.SubjectKind
             * @enum {number}
             * @property {number} SUBJECT_KIND_UNSPECIFIED=0 SUBJECT_KIND_UNSPECIFIED value
             * @property {number} SUBJECT_KIND_NUMBER=1 SUBJECT_KIND_NUMBER value
             * @property {number} SUBJECT_KIND_TRUNK=2 SUBJECT_KIND_TRUNK value
             * @property {number} SUBJECT_KIND_CARRIER=3 SUBJECT_KIND_CARRIER value
             * @property {number} SUBJECT_KIND_DEVICE=4 SUBJECT_KIND_DEVICE value
             */
            v1.SubjectKind = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "SUBJECT_KIND_UNSPECIFIED"] = 0;
                values[valuesById[1] = "SUBJECT_KIND_NUMBER"] = 1;
                values[valuesById[2] = "SUBJECT_KIND_TRUNK"] = 2;
                values[valuesById[3] = "SUBJECT_KIND_CARRIER"] = 3;
                values[valuesById[4] = "SUBJECT_KIND_DEVICE"] = 4;
                return values;
            })();

            v1.Reason = (function() {

                /**
                 * Properties of a Reason.
                 * @memberof ringfence.risk.v1
                 * @interface IReason
                 * @property {string|null} [code] Reason code
                 * @property {number|null} [value] Reason value
                 * @property {number|null} [threshold] Reason threshold
                 * @property {string|null} [window] Reason window
                 * @property {number|null} [points] Reason points
                 */

                /**
                 * Constructs a new Reason.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a Reason.
                 * @implements IReason
                 * @constructor
                 * @param {ringfence.risk.v1.IReason=} [p] Properties to set
                 */
                function Reason(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Reason code.
                 * @member {string} code
                 * @memberof ringfence.risk.v1.Reason
                 * @instance
                 */
                Reason.prototype.code = "";

                /**
                 * Reason value.
                 * @member {number} value
                 * @memberof ringfence.risk.v1.Reason
                 * @instance
                 */
                Reason.prototype.value = 0;

                /**
                 * Reason threshold.
                 * @member {number} threshold
                 * @memberof ringfence.risk.v1.Reason
                 * @instance
                 */
                Reason.prototype.threshold = 0;

                /**
                 * Reason window.
                 * @member {string} window
                 * @memberof ringfence.risk.v1.Reason
                 * @instance
                 */
                Reason.prototype.window = "";

                /**
                 * Reason points.
                 * @member {number} points
                 * @memberof ringfence.risk.v1.Reason
                 * @instance
                 */
                Reason.prototype.points = 0;

                /**
                 * Creates a new Reason instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.Reason
                 * @static
                 * @param {ringfence.risk.v1.IReason=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.Reason} Reason instance
                 */
                Reason.create = function create(properties) {
                    return new Reason(properties);
                };

                /**
                 * Encodes the specified Reason message. Does not implicitly {@link ringfence.risk.v1.Reason.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.Reason
                 * @static
                 * @param {ringfence.risk.v1.IReason} m Reason message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Reason.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.code != null && Object.hasOwnProperty.call(m, "code"))
                        w.uint32(10).string(m.code);
                    if (m.value != null && Object.hasOwnProperty.call(m, "value"))
                        w.uint32(17).double(m.value);
                    if (m.threshold != null && Object.hasOwnProperty.call(m, "threshold"))
                        w.uint32(25).double(m.threshold);
                    if (m.window != null && Object.hasOwnProperty.call(m, "window"))
                        w.uint32(34).string(m.window);
                    if (m.points != null && Object.hasOwnProperty.call(m, "points"))
                        w.uint32(41).double(m.points);
                    return w;
                };

                /**
                 * Decodes a Reason message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.Reason
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.Reason} Reason
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Reason.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.Reason();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.code = r.string();
                                break;
                            }
                        case 2: {
                                m.value = r.double();
                                break;
                            }
                        case 3: {
                                m.threshold = r.double();
                                break;
                            }
                        case 4: {
                                m.window = r.string();
                                break;
                            }
                        case 5: {
                                m.points = r.double();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a Reason message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.Reason
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.Reason} Reason
                 */
                Reason.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.Reason)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.Reason: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.Reason();
                    if (d.code != null) {
                        m.code = String(d.code);
                    }
                    if (d.value != null) {
                        m.value = Number(d.value);
                    }
                    if (d.threshold != null) {
                        m.threshold = Number(d.threshold);
                    }
                    if (d.window != null) {
                        m.window = String(d.window);
                    }
                    if (d.points != null) {
                        m.points = Number(d.points);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a Reason message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.Reason
                 * @static
                 * @param {ringfence.risk.v1.Reason} m Reason
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Reason.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.code = "";
                        d.value = 0;
                        d.threshold = 0;
                        d.window = "";
                        d.points = 0;
                    }
                    if (m.code != null && Object.hasOwnProperty.call(m, "code")) {
                        d.code = m.code;
                    }
                    if (m.value != null && Object.hasOwnProperty.call(m, "value")) {
                        d.value = o.json && !isFinite(m.value) ? String(m.value) : m.value;
                    }
                    if (m.threshold != null && Object.hasOwnProperty.call(m, "threshold")) {
                        d.threshold = o.json && !isFinite(m.threshold) ? String(m.threshold) : m.threshold;
                    }
                    if (m.window != null && Object.hasOwnProperty.call(m, "window")) {
                        d.window = m.window;
                    }
                    if (m.points != null && Object.hasOwnProperty.call(m, "points")) {
                        d.points = o.json && !isFinite(m.points) ? String(m.points) : m.points;
                    }
                    return d;
                };

                /**
                 * Converts this Reason to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.Reason
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Reason.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Reason
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.Reason
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Reason.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.Reason";
                };

                return Reason;
            })();

            v1.LevelReached = (function() {

                /**
                 * Properties of a LevelReached.
                 * @memberof ringfence.risk.v1
                 * @interface ILevelReached
                 * @property {ringfence.risk.v1.Level|null} [level] LevelReached level
                 * @property {number|null} [timeMs] LevelReached timeMs
                 * @property {number|null} [calls] LevelReached calls
                 */

                /**
                 * Constructs a new LevelReached.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a LevelReached.
                 * @implements ILevelReached
                 * @constructor
                 * @param {ringfence.risk.v1.ILevelReached=} [p] Properties to set
                 */
                function LevelReached(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * LevelReached level.
                 * @member {ringfence.risk.v1.Level} level
                 * @memberof ringfence.risk.v1.LevelReached
                 * @instance
                 */
                LevelReached.prototype.level = 0;

                /**
                 * LevelReached timeMs.
                 * @member {number} timeMs
                 * @memberof ringfence.risk.v1.LevelReached
                 * @instance
                 */
                LevelReached.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * LevelReached calls.
                 * @member {number} calls
                 * @memberof ringfence.risk.v1.LevelReached
                 * @instance
                 */
                LevelReached.prototype.calls = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new LevelReached instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.LevelReached
                 * @static
                 * @param {ringfence.risk.v1.ILevelReached=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.LevelReached} LevelReached instance
                 */
                LevelReached.create = function create(properties) {
                    return new LevelReached(properties);
                };

                /**
                 * Encodes the specified LevelReached message. Does not implicitly {@link ringfence.risk.v1.LevelReached.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.LevelReached
                 * @static
                 * @param {ringfence.risk.v1.ILevelReached} m LevelReached message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                LevelReached.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.level != null && Object.hasOwnProperty.call(m, "level"))
                        w.uint32(8).int32(m.level);
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs"))
                        w.uint32(16).int64(m.timeMs);
                    if (m.calls != null && Object.hasOwnProperty.call(m, "calls"))
                        w.uint32(24).uint64(m.calls);
                    return w;
                };

                /**
                 * Decodes a LevelReached message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.LevelReached
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.LevelReached} LevelReached
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                LevelReached.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.LevelReached();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.level = r.int32();
                                break;
                            }
                        case 2: {
                                m.timeMs = r.int64();
                                break;
                            }
                        case 3: {
                                m.calls = r.uint64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a LevelReached message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.LevelReached
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.LevelReached} LevelReached
                 */
                LevelReached.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.LevelReached)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.LevelReached: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.LevelReached();
                    switch (d.level) {
                    default:
                        if (typeof d.level === "number") {
                            m.level = d.level;
                            break;
                        }
                        break;
                    case "LEVEL_NONE":
                    case 0:
                        m.level = 0;
                        break;
                    case "LEVEL_LOW":
                    case 1:
                        m.level = 1;
                        break;
                    case "LEVEL_MEDIUM":
                    case 2:
                        m.level = 2;
                        break;
                    case "LEVEL_HIGH":
                    case 3:
                        m.level = 3;
                        break;
                    }
                    if (d.timeMs != null) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, false);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber();
                    }
                    if (d.calls != null) {
                        if ($util.Long)
                            m.calls = $util.Long.fromValue(d.calls, true);
                        else if (typeof d.calls === "string")
                            m.calls = parseInt(d.calls, 10);
                        else if (typeof d.calls === "number")
                            m.calls = d.calls;
                        else if (typeof d.calls === "object")
                            m.calls = new $util.LongBits(d.calls.low >>> 0, d.calls.high >>> 0).toNumber(true);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a LevelReached message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.LevelReached
                 * @static
                 * @param {ringfence.risk.v1.LevelReached} m LevelReached
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                LevelReached.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.level = o.enums === String ? "LEVEL_NONE" : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.timeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.timeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.calls = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.calls = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.level != null && Object.hasOwnProperty.call(m, "level")) {
                        d.level = o.enums === String ? $root.ringfence.risk.v1.Level[m.level] === undefined ? m.level : $root.ringfence.risk.v1.Level[m.level] : m.level;
                    }
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.timeMs = typeof m.timeMs === "number" ? BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.timeMs === "number")
                            d.timeMs = o.longs === String ? String(m.timeMs) : m.timeMs;
                        else
                            d.timeMs = o.longs === String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber() : m.timeMs;
                    }
                    if (m.calls != null && Object.hasOwnProperty.call(m, "calls")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.calls = typeof m.calls === "number" ? BigInt(m.calls) : $util.Long.fromBits(m.calls.low >>> 0, m.calls.high >>> 0, true).toBigInt();
                        else if (typeof m.calls === "number")
                            d.calls = o.longs === String ? String(m.calls) : m.calls;
                        else
                            d.calls = o.longs === String ? $util.Long.prototype.toString.call(m.calls) : o.longs === Number ? new $util.LongBits(m.calls.low >>> 0, m.calls.high >>> 0).toNumber(true) : m.calls;
                    }
                    return d;
                };

                /**
                 * Converts this LevelReached to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.LevelReached
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                LevelReached.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for LevelReached
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.LevelReached
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                LevelReached.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.LevelReached";
                };

                return LevelReached;
            })();

            v1.RiskVerdict = (function() {

                /**
                 * Properties of a RiskVerdict.
                 * @memberof ringfence.risk.v1
                 * @interface IRiskVerdict
                 * @property {ringfence.risk.v1.SubjectKind|null} [kind] RiskVerdict kind
                 * @property {string|null} [id] RiskVerdict id
                 * @property {number|null} [score] RiskVerdict score
                 * @property {ringfence.risk.v1.Level|null} [level] RiskVerdict level
                 * @property {string|null} [category] RiskVerdict category
                 * @property {Array.<ringfence.risk.v1.IReason>|null} [reasons] RiskVerdict reasons
                 * @property {number|null} [updatedMs] RiskVerdict updatedMs
                 * @property {number|null} [firstSeenMs] RiskVerdict firstSeenMs
                 * @property {number|null} [calls] RiskVerdict calls
                 * @property {Array.<ringfence.risk.v1.ILevelReached>|null} [first] RiskVerdict first
                 * @property {string|null} [override] RiskVerdict override
                 * @property {number|null} [overrideExpiresMs] RiskVerdict overrideExpiresMs
                 */

                /**
                 * Constructs a new RiskVerdict.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a RiskVerdict.
                 * @implements IRiskVerdict
                 * @constructor
                 * @param {ringfence.risk.v1.IRiskVerdict=} [p] Properties to set
                 */
                function RiskVerdict(p) {
                    this.reasons = [];
                    this.first = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * RiskVerdict kind.
                 * @member {ringfence.risk.v1.SubjectKind} kind
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.kind = 0;

                /**
                 * RiskVerdict id.
                 * @member {string} id
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.id = "";

                /**
                 * RiskVerdict score.
                 * @member {number} score
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.score = 0;

                /**
                 * RiskVerdict level.
                 * @member {ringfence.risk.v1.Level} level
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.level = 0;

                /**
                 * RiskVerdict category.
                 * @member {string} category
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.category = "";

                /**
                 * RiskVerdict reasons.
                 * @member {Array.<ringfence.risk.v1.IReason>} reasons
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.reasons = $util.emptyArray;

                /**
                 * RiskVerdict updatedMs.
                 * @member {number} updatedMs
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.updatedMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * RiskVerdict firstSeenMs.
                 * @member {number} firstSeenMs
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.firstSeenMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * RiskVerdict calls.
                 * @member {number} calls
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.calls = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * RiskVerdict first.
                 * @member {Array.<ringfence.risk.v1.ILevelReached>} first
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.first = $util.emptyArray;

                /**
                 * RiskVerdict override.
                 * @member {string} override
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.override = "";

                /**
                 * RiskVerdict overrideExpiresMs.
                 * @member {number} overrideExpiresMs
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 */
                RiskVerdict.prototype.overrideExpiresMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new RiskVerdict instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @static
                 * @param {ringfence.risk.v1.IRiskVerdict=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.RiskVerdict} RiskVerdict instance
                 */
                RiskVerdict.create = function create(properties) {
                    return new RiskVerdict(properties);
                };

                /**
                 * Encodes the specified RiskVerdict message. Does not implicitly {@link ringfence.risk.v1.RiskVerdict.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @static
                 * @param {ringfence.risk.v1.IRiskVerdict} m RiskVerdict message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                RiskVerdict.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                        w.uint32(8).int32(m.kind);
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(18).string(m.id);
                    if (m.score != null && Object.hasOwnProperty.call(m, "score"))
                        w.uint32(24).uint32(m.score);
                    if (m.level != null && Object.hasOwnProperty.call(m, "level"))
                        w.uint32(32).int32(m.level);
                    if (m.category != null && Object.hasOwnProperty.call(m, "category"))
                        w.uint32(42).string(m.category);
                    if (m.reasons != null && m.reasons.length) {
                        for (var i = 0; i < m.reasons.length; ++i)
                            $root.ringfence.risk.v1.Reason.encode(m.reasons[i], w.uint32(50).fork(), q + 1).ldelim();
                    }
                    if (m.updatedMs != null && Object.hasOwnProperty.call(m, "updatedMs"))
                        w.uint32(56).int64(m.updatedMs);
                    if (m.firstSeenMs != null && Object.hasOwnProperty.call(m, "firstSeenMs"))
                        w.uint32(64).int64(m.firstSeenMs);
                    if (m.calls != null && Object.hasOwnProperty.call(m, "calls"))
                        w.uint32(72).uint64(m.calls);
                    if (m.first != null && m.first.length) {
                        for (var i = 0; i < m.first.length; ++i)
                            $root.ringfence.risk.v1.LevelReached.encode(m.first[i], w.uint32(82).fork(), q + 1).ldelim();
                    }
                    if (m.override != null && Object.hasOwnProperty.call(m, "override"))
                        w.uint32(90).string(m.override);
                    if (m.overrideExpiresMs != null && Object.hasOwnProperty.call(m, "overrideExpiresMs"))
                        w.uint32(96).int64(m.overrideExpiresMs);
                    return w;
                };

                /**
                 * Decodes a RiskVerdict message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.RiskVerdict} RiskVerdict
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                RiskVerdict.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.RiskVerdict();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.kind = r.int32();
                                break;
                            }
                        case 2: {
                                m.id = r.string();
                                break;
                            }
                        case 3: {
                                m.score = r.uint32();
                                break;
                            }
                        case 4: {
                                m.level = r.int32();
                                break;
                            }
                        case 5: {
                                m.category = r.string();
                                break;
                            }
                        case 6: {
                                if (!(m.reasons && m.reasons.length))
                                    m.reasons = [];
                                m.reasons.push($root.ringfence.risk.v1.Reason.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 7: {
                                m.updatedMs = r.int64();
                                break;
                            }
                        case 8: {
                                m.firstSeenMs = r.int64();
                                break;
                            }
                        case 9: {
                                m.calls = r.uint64();
                                break;
                            }
                        case 10: {
                                if (!(m.first && m.first.length))
                                    m.first = [];
                                m.first.push($root.ringfence.risk.v1.LevelReached.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 11: {
                                m.override = r.string();
                                break;
                            }
                        case 12: {
                                m.overrideExpiresMs = r.int64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a RiskVerdict message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.RiskVerdict} RiskVerdict
                 */
                RiskVerdict.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.RiskVerdict)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.RiskVerdict: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.RiskVerdict();
                    switch (d.kind) {
                    default:
                        if (typeof d.kind === "number") {
                            m.kind = d.kind;
                            break;
                        }
                        break;
                    case "SUBJECT_KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "SUBJECT_KIND_NUMBER":
                    case 1:
                        m.kind = 1;
                        break;
                    case "SUBJECT_KIND_TRUNK":
                    case 2:
                        m.kind = 2;
                        break;
                    case "SUBJECT_KIND_CARRIER":
                    case 3:
                        m.kind = 3;
                        break;
                    case "SUBJECT_KIND_DEVICE":
                    case 4:
                        m.kind = 4;
                        break;
                    }
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    if (d.score != null) {
                        m.score = d.score >>> 0;
                    }
                    switch (d.level) {
                    default:
                        if (typeof d.level === "number") {
                            m.level = d.level;
                            break;
                        }
                        break;
                    case "LEVEL_NONE":
                    case 0:
                        m.level = 0;
                        break;
                    case "LEVEL_LOW":
                    case 1:
                        m.level = 1;
                        break;
                    case "LEVEL_MEDIUM":
                    case 2:
                        m.level = 2;
                        break;
                    case "LEVEL_HIGH":
                    case 3:
                        m.level = 3;
                        break;
                    }
                    if (d.category != null) {
                        m.category = String(d.category);
                    }
                    if (d.reasons) {
                        if (!Array.isArray(d.reasons))
                            throw TypeError(".ringfence.risk.v1.RiskVerdict.reasons: array expected");
                        m.reasons = [];
                        for (var i = 0; i < d.reasons.length; ++i) {
                            if (!$util.isObject(d.reasons[i]))
                                throw TypeError(".ringfence.risk.v1.RiskVerdict.reasons: object expected");
                            m.reasons[i] = $root.ringfence.risk.v1.Reason.fromObject(d.reasons[i], n + 1);
                        }
                    }
                    if (d.updatedMs != null) {
                        if ($util.Long)
                            m.updatedMs = $util.Long.fromValue(d.updatedMs, false);
                        else if (typeof d.updatedMs === "string")
                            m.updatedMs = parseInt(d.updatedMs, 10);
                        else if (typeof d.updatedMs === "number")
                            m.updatedMs = d.updatedMs;
                        else if (typeof d.updatedMs === "object")
                            m.updatedMs = new $util.LongBits(d.updatedMs.low >>> 0, d.updatedMs.high >>> 0).toNumber();
                    }
                    if (d.firstSeenMs != null) {
                        if ($util.Long)
                            m.firstSeenMs = $util.Long.fromValue(d.firstSeenMs, false);
                        else if (typeof d.firstSeenMs === "string")
                            m.firstSeenMs = parseInt(d.firstSeenMs, 10);
                        else if (typeof d.firstSeenMs === "number")
                            m.firstSeenMs = d.firstSeenMs;
                        else if (typeof d.firstSeenMs === "object")
                            m.firstSeenMs = new $util.LongBits(d.firstSeenMs.low >>> 0, d.firstSeenMs.high >>> 0).toNumber();
                    }
                    if (d.calls != null) {
                        if ($util.Long)
                            m.calls = $util.Long.fromValue(d.calls, true);
                        else if (typeof d.calls === "string")
                            m.calls = parseInt(d.calls, 10);
                        else if (typeof d.calls === "number")
                            m.calls = d.calls;
                        else if (typeof d.calls === "object")
                            m.calls = new $util.LongBits(d.calls.low >>> 0, d.calls.high >>> 0).toNumber(true);
                    }
                    if (d.first) {
                        if (!Array.isArray(d.first))
                            throw TypeError(".ringfence.risk.v1.RiskVerdict.first: array expected");
                        m.first = [];
                        for (var i = 0; i < d.first.length; ++i) {
                            if (!$util.isObject(d.first[i]))
                                throw TypeError(".ringfence.risk.v1.RiskVerdict.first: object expected");
                            m.first[i] = $root.ringfence.risk.v1.LevelReached.fromObject(d.first[i], n + 1);
                        }
                    }
                    if (d.override != null) {
                        m.override = String(d.override);
                    }
                    if (d.overrideExpiresMs != null) {
                        if ($util.Long)
                            m.overrideExpiresMs = $util.Long.fromValue(d.overrideExpiresMs, false);
                        else if (typeof d.overrideExpiresMs === "string")
                            m.overrideExpiresMs = parseInt(d.overrideExpiresMs, 10);
                        else if (typeof d.overrideExpiresMs === "number")
                            m.overrideExpiresMs = d.overrideExpiresMs;
                        else if (typeof d.overrideExpiresMs === "object")
                            m.overrideExpiresMs = new $util.LongBits(d.overrideExpiresMs.low >>> 0, d.overrideExpiresMs.high >>> 0).toNumber();
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a RiskVerdict message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @static
                 * @param {ringfence.risk.v1.RiskVerdict} m RiskVerdict
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                RiskVerdict.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.reasons = [];
                        d.first = [];
                    }
                    if (o.defaults) {
                        d.kind = o.enums === String ? "SUBJECT_KIND_UNSPECIFIED" : 0;
                        d.id = "";
                        d.score = 0;
                        d.level = o.enums === String ? "LEVEL_NONE" : 0;
                        d.category = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.updatedMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.updatedMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.firstSeenMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.firstSeenMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, true);
                            d.calls = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.calls = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.override = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.overrideExpiresMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.overrideExpiresMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                        d.kind = o.enums === String ? $root.ringfence.risk.v1.SubjectKind[m.kind] === undefined ? m.kind : $root.ringfence.risk.v1.SubjectKind[m.kind] : m.kind;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.score != null && Object.hasOwnProperty.call(m, "score")) {
                        d.score = m.score;
                    }
                    if (m.level != null && Object.hasOwnProperty.call(m, "level")) {
                        d.level = o.enums === String ? $root.ringfence.risk.v1.Level[m.level] === undefined ? m.level : $root.ringfence.risk.v1.Level[m.level] : m.level;
                    }
                    if (m.category != null && Object.hasOwnProperty.call(m, "category")) {
                        d.category = m.category;
                    }
                    if (m.reasons && m.reasons.length) {
                        d.reasons = [];
                        for (var j = 0; j < m.reasons.length; ++j) {
                            d.reasons[j] = $root.ringfence.risk.v1.Reason.toObject(m.reasons[j], o, q + 1);
                        }
                    }
                    if (m.updatedMs != null && Object.hasOwnProperty.call(m, "updatedMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.updatedMs = typeof m.updatedMs === "number" ? BigInt(m.updatedMs) : $util.Long.fromBits(m.updatedMs.low >>> 0, m.updatedMs.high >>> 0, false).toBigInt();
                        else if (typeof m.updatedMs === "number")
                            d.updatedMs = o.longs === String ? String(m.updatedMs) : m.updatedMs;
                        else
                            d.updatedMs = o.longs === String ? $util.Long.prototype.toString.call(m.updatedMs) : o.longs === Number ? new $util.LongBits(m.updatedMs.low >>> 0, m.updatedMs.high >>> 0).toNumber() : m.updatedMs;
                    }
                    if (m.firstSeenMs != null && Object.hasOwnProperty.call(m, "firstSeenMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.firstSeenMs = typeof m.firstSeenMs === "number" ? BigInt(m.firstSeenMs) : $util.Long.fromBits(m.firstSeenMs.low >>> 0, m.firstSeenMs.high >>> 0, false).toBigInt();
                        else if (typeof m.firstSeenMs === "number")
                            d.firstSeenMs = o.longs === String ? String(m.firstSeenMs) : m.firstSeenMs;
                        else
                            d.firstSeenMs = o.longs === String ? $util.Long.prototype.toString.call(m.firstSeenMs) : o.longs === Number ? new $util.LongBits(m.firstSeenMs.low >>> 0, m.firstSeenMs.high >>> 0).toNumber() : m.firstSeenMs;
                    }
                    if (m.calls != null && Object.hasOwnProperty.call(m, "calls")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.calls = typeof m.calls === "number" ? BigInt(m.calls) : $util.Long.fromBits(m.calls.low >>> 0, m.calls.high >>> 0, true).toBigInt();
                        else if (typeof m.calls === "number")
                            d.calls = o.longs === String ? String(m.calls) : m.calls;
                        else
                            d.calls = o.longs === String ? $util.Long.prototype.toString.call(m.calls) : o.longs === Number ? new $util.LongBits(m.calls.low >>> 0, m.calls.high >>> 0).toNumber(true) : m.calls;
                    }
                    if (m.first && m.first.length) {
                        d.first = [];
                        for (var j = 0; j < m.first.length; ++j) {
                            d.first[j] = $root.ringfence.risk.v1.LevelReached.toObject(m.first[j], o, q + 1);
                        }
                    }
                    if (m.override != null && Object.hasOwnProperty.call(m, "override")) {
                        d.override = m.override;
                    }
                    if (m.overrideExpiresMs != null && Object.hasOwnProperty.call(m, "overrideExpiresMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.overrideExpiresMs = typeof m.overrideExpiresMs === "number" ? BigInt(m.overrideExpiresMs) : $util.Long.fromBits(m.overrideExpiresMs.low >>> 0, m.overrideExpiresMs.high >>> 0, false).toBigInt();
                        else if (typeof m.overrideExpiresMs === "number")
                            d.overrideExpiresMs = o.longs === String ? String(m.overrideExpiresMs) : m.overrideExpiresMs;
                        else
                            d.overrideExpiresMs = o.longs === String ? $util.Long.prototype.toString.call(m.overrideExpiresMs) : o.longs === Number ? new $util.LongBits(m.overrideExpiresMs.low >>> 0, m.overrideExpiresMs.high >>> 0).toNumber() : m.overrideExpiresMs;
                    }
                    return d;
                };

                /**
                 * Converts this RiskVerdict to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                RiskVerdict.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for RiskVerdict
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.RiskVerdict
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                RiskVerdict.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.RiskVerdict";
                };

                return RiskVerdict;
            })();

            v1.Alert = (function() {

                /**
                 * Properties of an Alert.
                 * @memberof ringfence.risk.v1
                 * @interface IAlert
                 * @property {string|null} [alertId] Alert alertId
                 * @property {number|null} [timeMs] Alert timeMs
                 * @property {ringfence.risk.v1.SubjectKind|null} [kind] Alert kind
                 * @property {string|null} [id] Alert id
                 * @property {ringfence.risk.v1.Level|null} [fromLevel] Alert fromLevel
                 * @property {ringfence.risk.v1.Level|null} [toLevel] Alert toLevel
                 * @property {ringfence.risk.v1.IRiskVerdict|null} [verdict] Alert verdict
                 * @property {Object.<string,number>|null} [evidence] Alert evidence
                 */

                /**
                 * Constructs a new Alert.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents an Alert.
                 * @implements IAlert
                 * @constructor
                 * @param {ringfence.risk.v1.IAlert=} [p] Properties to set
                 */
                function Alert(p) {
                    this.evidence = {};
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * Alert alertId.
                 * @member {string} alertId
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 */
                Alert.prototype.alertId = "";

                /**
                 * Alert timeMs.
                 * @member {number} timeMs
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 */
                Alert.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Alert kind.
                 * @member {ringfence.risk.v1.SubjectKind} kind
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 */
                Alert.prototype.kind = 0;

                /**
                 * Alert id.
                 * @member {string} id
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 */
                Alert.prototype.id = "";

                /**
                 * Alert fromLevel.
                 * @member {ringfence.risk.v1.Level} fromLevel
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 */
                Alert.prototype.fromLevel = 0;

                /**
                 * Alert toLevel.
                 * @member {ringfence.risk.v1.Level} toLevel
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 */
                Alert.prototype.toLevel = 0;

                /**
                 * Alert verdict.
                 * @member {ringfence.risk.v1.IRiskVerdict|null|undefined} verdict
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 */
                Alert.prototype.verdict = null;

                /**
                 * Alert evidence.
                 * @member {Object.<string,number>} evidence
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 */
                Alert.prototype.evidence = $util.emptyObject;

                /**
                 * Creates a new Alert instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.Alert
                 * @static
                 * @param {ringfence.risk.v1.IAlert=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.Alert} Alert instance
                 */
                Alert.create = function create(properties) {
                    return new Alert(properties);
                };

                /**
                 * Encodes the specified Alert message. Does not implicitly {@link ringfence.risk.v1.Alert.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.Alert
                 * @static
                 * @param {ringfence.risk.v1.IAlert} m Alert message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Alert.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.alertId != null && Object.hasOwnProperty.call(m, "alertId"))
                        w.uint32(10).string(m.alertId);
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs"))
                        w.uint32(16).int64(m.timeMs);
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                        w.uint32(24).int32(m.kind);
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(34).string(m.id);
                    if (m.fromLevel != null && Object.hasOwnProperty.call(m, "fromLevel"))
                        w.uint32(40).int32(m.fromLevel);
                    if (m.toLevel != null && Object.hasOwnProperty.call(m, "toLevel"))
                        w.uint32(48).int32(m.toLevel);
                    if (m.verdict != null && Object.hasOwnProperty.call(m, "verdict"))
                        $root.ringfence.risk.v1.RiskVerdict.encode(m.verdict, w.uint32(58).fork(), q + 1).ldelim();
                    if (m.evidence != null && Object.hasOwnProperty.call(m, "evidence")) {
                        for (var ks = Object.keys(m.evidence), i = 0; i < ks.length; ++i) {
                            w.uint32(66).fork().uint32(10).string(ks[i]).uint32(17).double(m.evidence[ks[i]]).ldelim();
                        }
                    }
                    return w;
                };

                /**
                 * Decodes an Alert message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.Alert
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.Alert} Alert
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Alert.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m, k, value;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.Alert();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.alertId = r.string();
                                break;
                            }
                        case 2: {
                                m.timeMs = r.int64();
                                break;
                            }
                        case 3: {
                                m.kind = r.int32();
                                break;
                            }
                        case 4: {
                                m.id = r.string();
                                break;
                            }
                        case 5: {
                                m.fromLevel = r.int32();
                                break;
                            }
                        case 6: {
                                m.toLevel = r.int32();
                                break;
                            }
                        case 7: {
                                m.verdict = $root.ringfence.risk.v1.RiskVerdict.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 8: {
                                if (m.evidence === $util.emptyObject)
                                    m.evidence = {};
                                var c2 = r.uint32() + r.pos;
                                if (c2 > r.len)
                                    throw RangeError("index out of range");
                                r.len = c2;
                                k = "";
                                value = 0;
                                while (r.pos < c2) {
                                    var tag2 = r.uint32();
                                    switch (tag2 >>> 3) {
                                    case 1:
                                        k = r.string();
                                        break;
                                    case 2:
                                        value = r.double();
                                        break;
                                    default:
                                        r.skipType(tag2 & 7, n);
                                        break;
                                    }
                                }
                                if (r.pos !== c2)
                                    throw RangeError("index out of range");
                                r.len = c;
                                if (k === "__proto__")
                                    $util.makeProp(m.evidence, k);
                                m.evidence[k] = value;
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates an Alert message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.Alert
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.Alert} Alert
                 */
                Alert.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.Alert)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.Alert: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.Alert();
                    if (d.alertId != null) {
                        m.alertId = String(d.alertId);
                    }
                    if (d.timeMs != null) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, false);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber();
                    }
                    switch (d.kind) {
                    default:
                        if (typeof d.kind === "number") {
                            m.kind = d.kind;
                            break;
                        }
                        break;
                    case "SUBJECT_KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "SUBJECT_KIND_NUMBER":
                    case 1:
                        m.kind = 1;
                        break;
                    case "SUBJECT_KIND_TRUNK":
                    case 2:
                        m.kind = 2;
                        break;
                    case "SUBJECT_KIND_CARRIER":
                    case 3:
                        m.kind = 3;
                        break;
                    case "SUBJECT_KIND_DEVICE":
                    case 4:
                        m.kind = 4;
                        break;
                    }
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    switch (d.fromLevel) {
                    default:
                        if (typeof d.fromLevel === "number") {
                            m.fromLevel = d.fromLevel;
                            break;
                        }
                        break;
                    case "LEVEL_NONE":
                    case 0:
                        m.fromLevel = 0;
                        break;
                    case "LEVEL_LOW":
                    case 1:
                        m.fromLevel = 1;
                        break;
                    case "LEVEL_MEDIUM":
                    case 2:
                        m.fromLevel = 2;
                        break;
                    case "LEVEL_HIGH":
                    case 3:
                        m.fromLevel = 3;
                        break;
                    }
                    switch (d.toLevel) {
                    default:
                        if (typeof d.toLevel === "number") {
                            m.toLevel = d.toLevel;
                            break;
                        }
                        break;
                    case "LEVEL_NONE":
                    case 0:
                        m.toLevel = 0;
                        break;
                    case "LEVEL_LOW":
                    case 1:
                        m.toLevel = 1;
                        break;
                    case "LEVEL_MEDIUM":
                    case 2:
                        m.toLevel = 2;
                        break;
                    case "LEVEL_HIGH":
                    case 3:
                        m.toLevel = 3;
                        break;
                    }
                    if (d.verdict != null) {
                        if (!$util.isObject(d.verdict))
                            throw TypeError(".ringfence.risk.v1.Alert.verdict: object expected");
                        m.verdict = $root.ringfence.risk.v1.RiskVerdict.fromObject(d.verdict, n + 1);
                    }
                    if (d.evidence) {
                        if (!$util.isObject(d.evidence))
                            throw TypeError(".ringfence.risk.v1.Alert.evidence: object expected");
                        m.evidence = {};
                        for (var ks = Object.keys(d.evidence), i = 0; i < ks.length; ++i) {
                            if (ks[i] === "__proto__")
                                $util.makeProp(m.evidence, ks[i]);
                            m.evidence[ks[i]] = Number(d.evidence[ks[i]]);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from an Alert message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.Alert
                 * @static
                 * @param {ringfence.risk.v1.Alert} m Alert
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Alert.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.objects || o.defaults) {
                        d.evidence = {};
                    }
                    if (o.defaults) {
                        d.alertId = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.timeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.timeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.kind = o.enums === String ? "SUBJECT_KIND_UNSPECIFIED" : 0;
                        d.id = "";
                        d.fromLevel = o.enums === String ? "LEVEL_NONE" : 0;
                        d.toLevel = o.enums === String ? "LEVEL_NONE" : 0;
                        d.verdict = null;
                    }
                    if (m.alertId != null && Object.hasOwnProperty.call(m, "alertId")) {
                        d.alertId = m.alertId;
                    }
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.timeMs = typeof m.timeMs === "number" ? BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.timeMs === "number")
                            d.timeMs = o.longs === String ? String(m.timeMs) : m.timeMs;
                        else
                            d.timeMs = o.longs === String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber() : m.timeMs;
                    }
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                        d.kind = o.enums === String ? $root.ringfence.risk.v1.SubjectKind[m.kind] === undefined ? m.kind : $root.ringfence.risk.v1.SubjectKind[m.kind] : m.kind;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.fromLevel != null && Object.hasOwnProperty.call(m, "fromLevel")) {
                        d.fromLevel = o.enums === String ? $root.ringfence.risk.v1.Level[m.fromLevel] === undefined ? m.fromLevel : $root.ringfence.risk.v1.Level[m.fromLevel] : m.fromLevel;
                    }
                    if (m.toLevel != null && Object.hasOwnProperty.call(m, "toLevel")) {
                        d.toLevel = o.enums === String ? $root.ringfence.risk.v1.Level[m.toLevel] === undefined ? m.toLevel : $root.ringfence.risk.v1.Level[m.toLevel] : m.toLevel;
                    }
                    if (m.verdict != null && Object.hasOwnProperty.call(m, "verdict")) {
                        d.verdict = $root.ringfence.risk.v1.RiskVerdict.toObject(m.verdict, o, q + 1);
                    }
                    var ks2;
                    if (m.evidence && (ks2 = Object.keys(m.evidence)).length) {
                        d.evidence = {};
                        for (var j = 0; j < ks2.length; ++j) {
                            if (ks2[j] === "__proto__")
                                $util.makeProp(d.evidence, ks2[j]);
                            d.evidence[ks2[j]] = o.json && !isFinite(m.evidence[ks2[j]]) ? String(m.evidence[ks2[j]]) : m.evidence[ks2[j]];
                        }
                    }
                    return d;
                };

                /**
                 * Converts this Alert to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.Alert
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Alert.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for Alert
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.Alert
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                Alert.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.Alert";
                };

                return Alert;
            })();

            /**
             * Action enum.
             * @name ringfence.risk.v1.Action
             * @enum {number}
             * @property {number} ACTION_ALLOW=0 ACTION_ALLOW value
             * @property {number} ACTION_LABEL=1 ACTION_LABEL value
             * @property {number} ACTION_BLOCK=2 ACTION_BLOCK value
             */
            v1.Action = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "ACTION_ALLOW"] = 0;
                values[valuesById[1] = "ACTION_LABEL"] = 1;
                values[valuesById[2] = "ACTION_BLOCK"] = 2;
                return values;
            })();

            v1.CheckRequest = (function() {

                /**
                 * Properties of a CheckRequest.
                 * @memberof ringfence.risk.v1
                 * @interface ICheckRequest
                 * @property {string|null} [calling] CheckRequest calling
                 * @property {string|null} [called] CheckRequest called
                 * @property {string|null} [ingressTrunk] CheckRequest ingressTrunk
                 * @property {string|null} [ingressCarrier] CheckRequest ingressCarrier
                 * @property {ringfence.cdr.v1.Attestation|null} [attestation] CheckRequest attestation
                 * @property {ringfence.cdr.v1.Media|null} [media] CheckRequest media
                 * @property {string|null} [requestId] CheckRequest requestId
                 * @property {string|null} [callingDevice] CheckRequest callingDevice
                 * @property {ringfence.cdr.v1.CallingLocation|null} [callingLocation] CheckRequest callingLocation
                 */

                /**
                 * Constructs a new CheckRequest.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a CheckRequest.
                 * @implements ICheckRequest
                 * @constructor
                 * @param {ringfence.risk.v1.ICheckRequest=} [p] Properties to set
                 */
                function CheckRequest(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * CheckRequest calling.
                 * @member {string} calling
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.calling = "";

                /**
                 * CheckRequest called.
                 * @member {string} called
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.called = "";

                /**
                 * CheckRequest ingressTrunk.
                 * @member {string} ingressTrunk
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.ingressTrunk = "";

                /**
                 * CheckRequest ingressCarrier.
                 * @member {string} ingressCarrier
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.ingressCarrier = "";

                /**
                 * CheckRequest attestation.
                 * @member {ringfence.cdr.v1.Attestation} attestation
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.attestation = 0;

                /**
                 * CheckRequest media.
                 * @member {ringfence.cdr.v1.Media} media
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.media = 0;

                /**
                 * CheckRequest requestId.
                 * @member {string} requestId
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.requestId = "";

                /**
                 * CheckRequest callingDevice.
                 * @member {string} callingDevice
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.callingDevice = "";

                /**
                 * CheckRequest callingLocation.
                 * @member {ringfence.cdr.v1.CallingLocation} callingLocation
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 */
                CheckRequest.prototype.callingLocation = 0;

                /**
                 * Creates a new CheckRequest instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @static
                 * @param {ringfence.risk.v1.ICheckRequest=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.CheckRequest} CheckRequest instance
                 */
                CheckRequest.create = function create(properties) {
                    return new CheckRequest(properties);
                };

                /**
                 * Encodes the specified CheckRequest message. Does not implicitly {@link ringfence.risk.v1.CheckRequest.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @static
                 * @param {ringfence.risk.v1.ICheckRequest} m CheckRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CheckRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.calling != null && Object.hasOwnProperty.call(m, "calling"))
                        w.uint32(10).string(m.calling);
                    if (m.called != null && Object.hasOwnProperty.call(m, "called"))
                        w.uint32(18).string(m.called);
                    if (m.ingressTrunk != null && Object.hasOwnProperty.call(m, "ingressTrunk"))
                        w.uint32(26).string(m.ingressTrunk);
                    if (m.ingressCarrier != null && Object.hasOwnProperty.call(m, "ingressCarrier"))
                        w.uint32(34).string(m.ingressCarrier);
                    if (m.attestation != null && Object.hasOwnProperty.call(m, "attestation"))
                        w.uint32(40).int32(m.attestation);
                    if (m.media != null && Object.hasOwnProperty.call(m, "media"))
                        w.uint32(48).int32(m.media);
                    if (m.requestId != null && Object.hasOwnProperty.call(m, "requestId"))
                        w.uint32(58).string(m.requestId);
                    if (m.callingDevice != null && Object.hasOwnProperty.call(m, "callingDevice"))
                        w.uint32(66).string(m.callingDevice);
                    if (m.callingLocation != null && Object.hasOwnProperty.call(m, "callingLocation"))
                        w.uint32(72).int32(m.callingLocation);
                    return w;
                };

                /**
                 * Decodes a CheckRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.CheckRequest} CheckRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CheckRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.CheckRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.calling = r.string();
                                break;
                            }
                        case 2: {
                                m.called = r.string();
                                break;
                            }
                        case 3: {
                                m.ingressTrunk = r.string();
                                break;
                            }
                        case 4: {
                                m.ingressCarrier = r.string();
                                break;
                            }
                        case 5: {
                                m.attestation = r.int32();
                                break;
                            }
                        case 6: {
                                m.media = r.int32();
                                break;
                            }
                        case 7: {
                                m.requestId = r.string();
                                break;
                            }
                        case 8: {
                                m.callingDevice = r.string();
                                break;
                            }
                        case 9: {
                                m.callingLocation = r.int32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a CheckRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.CheckRequest} CheckRequest
                 */
                CheckRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.CheckRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.CheckRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.CheckRequest();
                    if (d.calling != null) {
                        m.calling = String(d.calling);
                    }
                    if (d.called != null) {
                        m.called = String(d.called);
                    }
                    if (d.ingressTrunk != null) {
                        m.ingressTrunk = String(d.ingressTrunk);
                    }
                    if (d.ingressCarrier != null) {
                        m.ingressCarrier = String(d.ingressCarrier);
                    }
                    switch (d.attestation) {
                    default:
                        if (typeof d.attestation === "number") {
                            m.attestation = d.attestation;
                            break;
                        }
                        break;
                    case "ATTESTATION_UNSPECIFIED":
                    case 0:
                        m.attestation = 0;
                        break;
                    case "ATTESTATION_A":
                    case 1:
                        m.attestation = 1;
                        break;
                    case "ATTESTATION_B":
                    case 2:
                        m.attestation = 2;
                        break;
                    case "ATTESTATION_C":
                    case 3:
                        m.attestation = 3;
                        break;
                    }
                    switch (d.media) {
                    default:
                        if (typeof d.media === "number") {
                            m.media = d.media;
                            break;
                        }
                        break;
                    case "MEDIA_UNSPECIFIED":
                    case 0:
                        m.media = 0;
                        break;
                    case "MEDIA_AUDIO":
                    case 1:
                        m.media = 1;
                        break;
                    case "MEDIA_VIDEO":
                    case 2:
                        m.media = 2;
                        break;
                    }
                    if (d.requestId != null) {
                        m.requestId = String(d.requestId);
                    }
                    if (d.callingDevice != null) {
                        m.callingDevice = String(d.callingDevice);
                    }
                    switch (d.callingLocation) {
                    default:
                        if (typeof d.callingLocation === "number") {
                            m.callingLocation = d.callingLocation;
                            break;
                        }
                        break;
                    case "CALLING_LOCATION_UNSPECIFIED":
                    case 0:
                        m.callingLocation = 0;
                        break;
                    case "CALLING_LOCATION_HOME":
                    case 1:
                        m.callingLocation = 1;
                        break;
                    case "CALLING_LOCATION_ROAMING":
                    case 2:
                        m.callingLocation = 2;
                        break;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a CheckRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @static
                 * @param {ringfence.risk.v1.CheckRequest} m CheckRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CheckRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.calling = "";
                        d.called = "";
                        d.ingressTrunk = "";
                        d.ingressCarrier = "";
                        d.attestation = o.enums === String ? "ATTESTATION_UNSPECIFIED" : 0;
                        d.media = o.enums === String ? "MEDIA_UNSPECIFIED" : 0;
                        d.requestId = "";
                        d.callingDevice = "";
                        d.callingLocation = o.enums === String ? "CALLING_LOCATION_UNSPECIFIED" : 0;
                    }
                    if (m.calling != null && Object.hasOwnProperty.call(m, "calling")) {
                        d.calling = m.calling;
                    }
                    if (m.called != null && Object.hasOwnProperty.call(m, "called")) {
                        d.called = m.called;
                    }
                    if (m.ingressTrunk != null && Object.hasOwnProperty.call(m, "ingressTrunk")) {
                        d.ingressTrunk = m.ingressTrunk;
                    }
                    if (m.ingressCarrier != null && Object.hasOwnProperty.call(m, "ingressCarrier")) {
                        d.ingressCarrier = m.ingressCarrier;
                    }
                    if (m.attestation != null && Object.hasOwnProperty.call(m, "attestation")) {
                        d.attestation = o.enums === String ? $root.ringfence.cdr.v1.Attestation[m.attestation] === undefined ? m.attestation : $root.ringfence.cdr.v1.Attestation[m.attestation] : m.attestation;
                    }
                    if (m.media != null && Object.hasOwnProperty.call(m, "media")) {
                        d.media = o.enums === String ? $root.ringfence.cdr.v1.Media[m.media] === undefined ? m.media : $root.ringfence.cdr.v1.Media[m.media] : m.media;
                    }
                    if (m.requestId != null && Object.hasOwnProperty.call(m, "requestId")) {
                        d.requestId = m.requestId;
                    }
                    if (m.callingDevice != null && Object.hasOwnProperty.call(m, "callingDevice")) {
                        d.callingDevice = m.callingDevice;
                    }
                    if (m.callingLocation != null && Object.hasOwnProperty.call(m, "callingLocation")) {
                        d.callingLocation = o.enums === String ? $root.ringfence.cdr.v1.CallingLocation[m.callingLocation] === undefined ? m.callingLocation : $root.ringfence.cdr.v1.CallingLocation[m.callingLocation] : m.callingLocation;
                    }
                    return d;
                };

                /**
                 * Converts this CheckRequest to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CheckRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for CheckRequest
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.CheckRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                CheckRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.CheckRequest";
                };

                return CheckRequest;
            })();

            v1.DisplayLabel = (function() {

                /**
                 * Properties of a DisplayLabel.
                 * @memberof ringfence.risk.v1
                 * @interface IDisplayLabel
                 * @property {string|null} [zhCn] DisplayLabel zhCn
                 * @property {string|null} [en] DisplayLabel en
                 */

                /**
                 * Constructs a new DisplayLabel.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a DisplayLabel.
                 * @implements IDisplayLabel
                 * @constructor
                 * @param {ringfence.risk.v1.IDisplayLabel=} [p] Properties to set
                 */
                function DisplayLabel(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * DisplayLabel zhCn.
                 * @member {string} zhCn
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @instance
                 */
                DisplayLabel.prototype.zhCn = "";

                /**
                 * DisplayLabel en.
                 * @member {string} en
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @instance
                 */
                DisplayLabel.prototype.en = "";

                /**
                 * Creates a new DisplayLabel instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @static
                 * @param {ringfence.risk.v1.IDisplayLabel=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.DisplayLabel} DisplayLabel instance
                 */
                DisplayLabel.create = function create(properties) {
                    return new DisplayLabel(properties);
                };

                /**
                 * Encodes the specified DisplayLabel message. Does not implicitly {@link ringfence.risk.v1.DisplayLabel.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @static
                 * @param {ringfence.risk.v1.IDisplayLabel} m DisplayLabel message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                DisplayLabel.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.zhCn != null && Object.hasOwnProperty.call(m, "zhCn"))
                        w.uint32(10).string(m.zhCn);
                    if (m.en != null && Object.hasOwnProperty.call(m, "en"))
                        w.uint32(18).string(m.en);
                    return w;
                };

                /**
                 * Decodes a DisplayLabel message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.DisplayLabel} DisplayLabel
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                DisplayLabel.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.DisplayLabel();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.zhCn = r.string();
                                break;
                            }
                        case 2: {
                                m.en = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a DisplayLabel message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.DisplayLabel} DisplayLabel
                 */
                DisplayLabel.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.DisplayLabel)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.DisplayLabel: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.DisplayLabel();
                    if (d.zhCn != null) {
                        m.zhCn = String(d.zhCn);
                    }
                    if (d.en != null) {
                        m.en = String(d.en);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a DisplayLabel message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @static
                 * @param {ringfence.risk.v1.DisplayLabel} m DisplayLabel
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                DisplayLabel.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.zhCn = "";
                        d.en = "";
                    }
                    if (m.zhCn != null && Object.hasOwnProperty.call(m, "zhCn")) {
                        d.zhCn = m.zhCn;
                    }
                    if (m.en != null && Object.hasOwnProperty.call(m, "en")) {
                        d.en = m.en;
                    }
                    return d;
                };

                /**
                 * Converts this DisplayLabel to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                DisplayLabel.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for DisplayLabel
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.DisplayLabel
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                DisplayLabel.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.DisplayLabel";
                };

                return DisplayLabel;
            })();

            v1.BlockInstruction = (function() {

                /**
                 * Properties of a BlockInstruction.
                 * @memberof ringfence.risk.v1
                 * @interface IBlockInstruction
                 * @property {number|null} [sipCode] BlockInstruction sipCode
                 * @property {string|null} [sipReason] BlockInstruction sipReason
                 * @property {number|null} [isupCause] BlockInstruction isupCause
                 * @property {string|null} [reasonCode] BlockInstruction reasonCode
                 * @property {string|null} [redressContact] BlockInstruction redressContact
                 */

                /**
                 * Constructs a new BlockInstruction.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a BlockInstruction.
                 * @implements IBlockInstruction
                 * @constructor
                 * @param {ringfence.risk.v1.IBlockInstruction=} [p] Properties to set
                 */
                function BlockInstruction(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * BlockInstruction sipCode.
                 * @member {number} sipCode
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @instance
                 */
                BlockInstruction.prototype.sipCode = 0;

                /**
                 * BlockInstruction sipReason.
                 * @member {string} sipReason
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @instance
                 */
                BlockInstruction.prototype.sipReason = "";

                /**
                 * BlockInstruction isupCause.
                 * @member {number} isupCause
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @instance
                 */
                BlockInstruction.prototype.isupCause = 0;

                /**
                 * BlockInstruction reasonCode.
                 * @member {string} reasonCode
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @instance
                 */
                BlockInstruction.prototype.reasonCode = "";

                /**
                 * BlockInstruction redressContact.
                 * @member {string} redressContact
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @instance
                 */
                BlockInstruction.prototype.redressContact = "";

                /**
                 * Creates a new BlockInstruction instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @static
                 * @param {ringfence.risk.v1.IBlockInstruction=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.BlockInstruction} BlockInstruction instance
                 */
                BlockInstruction.create = function create(properties) {
                    return new BlockInstruction(properties);
                };

                /**
                 * Encodes the specified BlockInstruction message. Does not implicitly {@link ringfence.risk.v1.BlockInstruction.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @static
                 * @param {ringfence.risk.v1.IBlockInstruction} m BlockInstruction message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                BlockInstruction.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.sipCode != null && Object.hasOwnProperty.call(m, "sipCode"))
                        w.uint32(8).uint32(m.sipCode);
                    if (m.sipReason != null && Object.hasOwnProperty.call(m, "sipReason"))
                        w.uint32(18).string(m.sipReason);
                    if (m.isupCause != null && Object.hasOwnProperty.call(m, "isupCause"))
                        w.uint32(24).uint32(m.isupCause);
                    if (m.reasonCode != null && Object.hasOwnProperty.call(m, "reasonCode"))
                        w.uint32(34).string(m.reasonCode);
                    if (m.redressContact != null && Object.hasOwnProperty.call(m, "redressContact"))
                        w.uint32(42).string(m.redressContact);
                    return w;
                };

                /**
                 * Decodes a BlockInstruction message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.BlockInstruction} BlockInstruction
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                BlockInstruction.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.BlockInstruction();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.sipCode = r.uint32();
                                break;
                            }
                        case 2: {
                                m.sipReason = r.string();
                                break;
                            }
                        case 3: {
                                m.isupCause = r.uint32();
                                break;
                            }
                        case 4: {
                                m.reasonCode = r.string();
                                break;
                            }
                        case 5: {
                                m.redressContact = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a BlockInstruction message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.BlockInstruction} BlockInstruction
                 */
                BlockInstruction.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.BlockInstruction)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.BlockInstruction: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.BlockInstruction();
                    if (d.sipCode != null) {
                        m.sipCode = d.sipCode >>> 0;
                    }
                    if (d.sipReason != null) {
                        m.sipReason = String(d.sipReason);
                    }
                    if (d.isupCause != null) {
                        m.isupCause = d.isupCause >>> 0;
                    }
                    if (d.reasonCode != null) {
                        m.reasonCode = String(d.reasonCode);
                    }
                    if (d.redressContact != null) {
                        m.redressContact = String(d.redressContact);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a BlockInstruction message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @static
                 * @param {ringfence.risk.v1.BlockInstruction} m BlockInstruction
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                BlockInstruction.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.sipCode = 0;
                        d.sipReason = "";
                        d.isupCause = 0;
                        d.reasonCode = "";
                        d.redressContact = "";
                    }
                    if (m.sipCode != null && Object.hasOwnProperty.call(m, "sipCode")) {
                        d.sipCode = m.sipCode;
                    }
                    if (m.sipReason != null && Object.hasOwnProperty.call(m, "sipReason")) {
                        d.sipReason = m.sipReason;
                    }
                    if (m.isupCause != null && Object.hasOwnProperty.call(m, "isupCause")) {
                        d.isupCause = m.isupCause;
                    }
                    if (m.reasonCode != null && Object.hasOwnProperty.call(m, "reasonCode")) {
                        d.reasonCode = m.reasonCode;
                    }
                    if (m.redressContact != null && Object.hasOwnProperty.call(m, "redressContact")) {
                        d.redressContact = m.redressContact;
                    }
                    return d;
                };

                /**
                 * Converts this BlockInstruction to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                BlockInstruction.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for BlockInstruction
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.BlockInstruction
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                BlockInstruction.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.BlockInstruction";
                };

                return BlockInstruction;
            })();

            v1.CheckResponse = (function() {

                /**
                 * Properties of a CheckResponse.
                 * @memberof ringfence.risk.v1
                 * @interface ICheckResponse
                 * @property {string|null} [requestId] CheckResponse requestId
                 * @property {ringfence.risk.v1.Action|null} [action] CheckResponse action
                 * @property {number|null} [score] CheckResponse score
                 * @property {ringfence.risk.v1.Level|null} [level] CheckResponse level
                 * @property {string|null} [category] CheckResponse category
                 * @property {ringfence.risk.v1.IDisplayLabel|null} [label] CheckResponse label
                 * @property {Array.<ringfence.risk.v1.IReason>|null} [reasons] CheckResponse reasons
                 * @property {number|null} [updatedMs] CheckResponse updatedMs
                 * @property {ringfence.risk.v1.IBlockInstruction|null} [block] CheckResponse block
                 * @property {string|null} [decidedBy] CheckResponse decidedBy
                 * @property {ringfence.risk.v1.ICheckError|null} [error] CheckResponse error
                 */

                /**
                 * Constructs a new CheckResponse.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a CheckResponse.
                 * @implements ICheckResponse
                 * @constructor
                 * @param {ringfence.risk.v1.ICheckResponse=} [p] Properties to set
                 */
                function CheckResponse(p) {
                    this.reasons = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * CheckResponse requestId.
                 * @member {string} requestId
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.requestId = "";

                /**
                 * CheckResponse action.
                 * @member {ringfence.risk.v1.Action} action
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.action = 0;

                /**
                 * CheckResponse score.
                 * @member {number} score
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.score = 0;

                /**
                 * CheckResponse level.
                 * @member {ringfence.risk.v1.Level} level
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.level = 0;

                /**
                 * CheckResponse category.
                 * @member {string} category
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.category = "";

                /**
                 * CheckResponse label.
                 * @member {ringfence.risk.v1.IDisplayLabel|null|undefined} label
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.label = null;

                /**
                 * CheckResponse reasons.
                 * @member {Array.<ringfence.risk.v1.IReason>} reasons
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.reasons = $util.emptyArray;

                /**
                 * CheckResponse updatedMs.
                 * @member {number} updatedMs
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.updatedMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * CheckResponse block.
                 * @member {ringfence.risk.v1.IBlockInstruction|null|undefined} block
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.block = null;

                /**
                 * CheckResponse decidedBy.
                 * @member {string} decidedBy
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.decidedBy = "";

                /**
                 * CheckResponse error.
                 * @member {ringfence.risk.v1.ICheckError|null|undefined} error
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 */
                CheckResponse.prototype.error = null;

                /**
                 * Creates a new CheckResponse instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @static
                 * @param {ringfence.risk.v1.ICheckResponse=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.CheckResponse} CheckResponse instance
                 */
                CheckResponse.create = function create(properties) {
                    return new CheckResponse(properties);
                };

                /**
                 * Encodes the specified CheckResponse message. Does not implicitly {@link ringfence.risk.v1.CheckResponse.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @static
                 * @param {ringfence.risk.v1.ICheckResponse} m CheckResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CheckResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.requestId != null && Object.hasOwnProperty.call(m, "requestId"))
                        w.uint32(10).string(m.requestId);
                    if (m.action != null && Object.hasOwnProperty.call(m, "action"))
                        w.uint32(16).int32(m.action);
                    if (m.score != null && Object.hasOwnProperty.call(m, "score"))
                        w.uint32(24).uint32(m.score);
                    if (m.level != null && Object.hasOwnProperty.call(m, "level"))
                        w.uint32(32).int32(m.level);
                    if (m.category != null && Object.hasOwnProperty.call(m, "category"))
                        w.uint32(42).string(m.category);
                    if (m.label != null && Object.hasOwnProperty.call(m, "label"))
                        $root.ringfence.risk.v1.DisplayLabel.encode(m.label, w.uint32(50).fork(), q + 1).ldelim();
                    if (m.reasons != null && m.reasons.length) {
                        for (var i = 0; i < m.reasons.length; ++i)
                            $root.ringfence.risk.v1.Reason.encode(m.reasons[i], w.uint32(58).fork(), q + 1).ldelim();
                    }
                    if (m.updatedMs != null && Object.hasOwnProperty.call(m, "updatedMs"))
                        w.uint32(64).int64(m.updatedMs);
                    if (m.block != null && Object.hasOwnProperty.call(m, "block"))
                        $root.ringfence.risk.v1.BlockInstruction.encode(m.block, w.uint32(74).fork(), q + 1).ldelim();
                    if (m.decidedBy != null && Object.hasOwnProperty.call(m, "decidedBy"))
                        w.uint32(82).string(m.decidedBy);
                    if (m.error != null && Object.hasOwnProperty.call(m, "error"))
                        $root.ringfence.risk.v1.CheckError.encode(m.error, w.uint32(90).fork(), q + 1).ldelim();
                    return w;
                };

                /**
                 * Decodes a CheckResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.CheckResponse} CheckResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CheckResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.CheckResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.requestId = r.string();
                                break;
                            }
                        case 2: {
                                m.action = r.int32();
                                break;
                            }
                        case 3: {
                                m.score = r.uint32();
                                break;
                            }
                        case 4: {
                                m.level = r.int32();
                                break;
                            }
                        case 5: {
                                m.category = r.string();
                                break;
                            }
                        case 6: {
                                m.label = $root.ringfence.risk.v1.DisplayLabel.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 7: {
                                if (!(m.reasons && m.reasons.length))
                                    m.reasons = [];
                                m.reasons.push($root.ringfence.risk.v1.Reason.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 8: {
                                m.updatedMs = r.int64();
                                break;
                            }
                        case 9: {
                                m.block = $root.ringfence.risk.v1.BlockInstruction.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        case 10: {
                                m.decidedBy = r.string();
                                break;
                            }
                        case 11: {
                                m.error = $root.ringfence.risk.v1.CheckError.decode(r, r.uint32(), undefined, n + 1);
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a CheckResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.CheckResponse} CheckResponse
                 */
                CheckResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.CheckResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.CheckResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.CheckResponse();
                    if (d.requestId != null) {
                        m.requestId = String(d.requestId);
                    }
                    switch (d.action) {
                    default:
                        if (typeof d.action === "number") {
                            m.action = d.action;
                            break;
                        }
                        break;
                    case "ACTION_ALLOW":
                    case 0:
                        m.action = 0;
                        break;
                    case "ACTION_LABEL":
                    case 1:
                        m.action = 1;
                        break;
                    case "ACTION_BLOCK":
                    case 2:
                        m.action = 2;
                        break;
                    }
                    if (d.score != null) {
                        m.score = d.score >>> 0;
                    }
                    switch (d.level) {
                    default:
                        if (typeof d.level === "number") {
                            m.level = d.level;
                            break;
                        }
                        break;
                    case "LEVEL_NONE":
                    case 0:
                        m.level = 0;
                        break;
                    case "LEVEL_LOW":
                    case 1:
                        m.level = 1;
                        break;
                    case "LEVEL_MEDIUM":
                    case 2:
                        m.level = 2;
                        break;
                    case "LEVEL_HIGH":
                    case 3:
                        m.level = 3;
                        break;
                    }
                    if (d.category != null) {
                        m.category = String(d.category);
                    }
                    if (d.label != null) {
                        if (!$util.isObject(d.label))
                            throw TypeError(".ringfence.risk.v1.CheckResponse.label: object expected");
                        m.label = $root.ringfence.risk.v1.DisplayLabel.fromObject(d.label, n + 1);
                    }
                    if (d.reasons) {
                        if (!Array.isArray(d.reasons))
                            throw TypeError(".ringfence.risk.v1.CheckResponse.reasons: array expected");
                        m.reasons = [];
                        for (var i = 0; i < d.reasons.length; ++i) {
                            if (!$util.isObject(d.reasons[i]))
                                throw TypeError(".ringfence.risk.v1.CheckResponse.reasons: object expected");
                            m.reasons[i] = $root.ringfence.risk.v1.Reason.fromObject(d.reasons[i], n + 1);
                        }
                    }
                    if (d.updatedMs != null) {
                        if ($util.Long)
                            m.updatedMs = $util.Long.fromValue(d.updatedMs, false);
                        else if (typeof d.updatedMs === "string")
                            m.updatedMs = parseInt(d.updatedMs, 10);
                        else if (typeof d.updatedMs === "number")
                            m.updatedMs = d.updatedMs;
                        else if (typeof d.updatedMs === "object")
                            m.updatedMs = new $util.LongBits(d.updatedMs.low >>> 0, d.updatedMs.high >>> 0).toNumber();
                    }
                    if (d.block != null) {
                        if (!$util.isObject(d.block))
                            throw TypeError(".ringfence.risk.v1.CheckResponse.block: object expected");
                        m.block = $root.ringfence.risk.v1.BlockInstruction.fromObject(d.block, n + 1);
                    }
                    if (d.decidedBy != null) {
                        m.decidedBy = String(d.decidedBy);
                    }
                    if (d.error != null) {
                        if (!$util.isObject(d.error))
                            throw TypeError(".ringfence.risk.v1.CheckResponse.error: object expected");
                        m.error = $root.ringfence.risk.v1.CheckError.fromObject(d.error, n + 1);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a CheckResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @static
                 * @param {ringfence.risk.v1.CheckResponse} m CheckResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CheckResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.reasons = [];
                    }
                    if (o.defaults) {
                        d.requestId = "";
                        d.action = o.enums === String ? "ACTION_ALLOW" : 0;
                        d.score = 0;
                        d.level = o.enums === String ? "LEVEL_NONE" : 0;
                        d.category = "";
                        d.label = null;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.updatedMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.updatedMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.block = null;
                        d.decidedBy = "";
                        d.error = null;
                    }
                    if (m.requestId != null && Object.hasOwnProperty.call(m, "requestId")) {
                        d.requestId = m.requestId;
                    }
                    if (m.action != null && Object.hasOwnProperty.call(m, "action")) {
                        d.action = o.enums === String ? $root.ringfence.risk.v1.Action[m.action] === undefined ? m.action : $root.ringfence.risk.v1.Action[m.action] : m.action;
                    }
                    if (m.score != null && Object.hasOwnProperty.call(m, "score")) {
                        d.score = m.score;
                    }
                    if (m.level != null && Object.hasOwnProperty.call(m, "level")) {
                        d.level = o.enums === String ? $root.ringfence.risk.v1.Level[m.level] === undefined ? m.level : $root.ringfence.risk.v1.Level[m.level] : m.level;
                    }
                    if (m.category != null && Object.hasOwnProperty.call(m, "category")) {
                        d.category = m.category;
                    }
                    if (m.label != null && Object.hasOwnProperty.call(m, "label")) {
                        d.label = $root.ringfence.risk.v1.DisplayLabel.toObject(m.label, o, q + 1);
                    }
                    if (m.reasons && m.reasons.length) {
                        d.reasons = [];
                        for (var j = 0; j < m.reasons.length; ++j) {
                            d.reasons[j] = $root.ringfence.risk.v1.Reason.toObject(m.reasons[j], o, q + 1);
                        }
                    }
                    if (m.updatedMs != null && Object.hasOwnProperty.call(m, "updatedMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.updatedMs = typeof m.updatedMs === "number" ? BigInt(m.updatedMs) : $util.Long.fromBits(m.updatedMs.low >>> 0, m.updatedMs.high >>> 0, false).toBigInt();
                        else if (typeof m.updatedMs === "number")
                            d.updatedMs = o.longs === String ? String(m.updatedMs) : m.updatedMs;
                        else
                            d.updatedMs = o.longs === String ? $util.Long.prototype.toString.call(m.updatedMs) : o.longs === Number ? new $util.LongBits(m.updatedMs.low >>> 0, m.updatedMs.high >>> 0).toNumber() : m.updatedMs;
                    }
                    if (m.block != null && Object.hasOwnProperty.call(m, "block")) {
                        d.block = $root.ringfence.risk.v1.BlockInstruction.toObject(m.block, o, q + 1);
                    }
                    if (m.decidedBy != null && Object.hasOwnProperty.call(m, "decidedBy")) {
                        d.decidedBy = m.decidedBy;
                    }
                    if (m.error != null && Object.hasOwnProperty.call(m, "error")) {
                        d.error = $root.ringfence.risk.v1.CheckError.toObject(m.error, o, q + 1);
                    }
                    return d;
                };

                /**
                 * Converts this CheckResponse to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CheckResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for CheckResponse
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.CheckResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                CheckResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.CheckResponse";
                };

                return CheckResponse;
            })();

            v1.CheckError = (function() {

                /**
                 * Properties of a CheckError.
                 * @memberof ringfence.risk.v1
                 * @interface ICheckError
                 * @property {string|null} [code] CheckError code
                 * @property {string|null} [field] CheckError field
                 * @property {string|null} [message] CheckError message
                 */

                /**
                 * Constructs a new CheckError.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a CheckError.
                 * @implements ICheckError
                 * @constructor
                 * @param {ringfence.risk.v1.ICheckError=} [p] Properties to set
                 */
                function CheckError(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * CheckError code.
                 * @member {string} code
                 * @memberof ringfence.risk.v1.CheckError
                 * @instance
                 */
                CheckError.prototype.code = "";

                /**
                 * CheckError field.
                 * @member {string} field
                 * @memberof ringfence.risk.v1.CheckError
                 * @instance
                 */
                CheckError.prototype.field = "";

                /**
                 * CheckError message.
                 * @member {string} message
                 * @memberof ringfence.risk.v1.CheckError
                 * @instance
                 */
                CheckError.prototype.message = "";

                /**
                 * Creates a new CheckError instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.CheckError
                 * @static
                 * @param {ringfence.risk.v1.ICheckError=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.CheckError} CheckError instance
                 */
                CheckError.create = function create(properties) {
                    return new CheckError(properties);
                };

                /**
                 * Encodes the specified CheckError message. Does not implicitly {@link ringfence.risk.v1.CheckError.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.CheckError
                 * @static
                 * @param {ringfence.risk.v1.ICheckError} m CheckError message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CheckError.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.code != null && Object.hasOwnProperty.call(m, "code"))
                        w.uint32(10).string(m.code);
                    if (m.field != null && Object.hasOwnProperty.call(m, "field"))
                        w.uint32(18).string(m.field);
                    if (m.message != null && Object.hasOwnProperty.call(m, "message"))
                        w.uint32(26).string(m.message);
                    return w;
                };

                /**
                 * Decodes a CheckError message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.CheckError
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.CheckError} CheckError
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CheckError.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.CheckError();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.code = r.string();
                                break;
                            }
                        case 2: {
                                m.field = r.string();
                                break;
                            }
                        case 3: {
                                m.message = r.string();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a CheckError message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.CheckError
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.CheckError} CheckError
                 */
                CheckError.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.CheckError)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.CheckError: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.CheckError();
                    if (d.code != null) {
                        m.code = String(d.code);
                    }
                    if (d.field != null) {
                        m.field = String(d.field);
                    }
                    if (d.message != null) {
                        m.message = String(d.message);
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a CheckError message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.CheckError
                 * @static
                 * @param {ringfence.risk.v1.CheckError} m CheckError
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CheckError.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.code = "";
                        d.field = "";
                        d.message = "";
                    }
                    if (m.code != null && Object.hasOwnProperty.call(m, "code")) {
                        d.code = m.code;
                    }
                    if (m.field != null && Object.hasOwnProperty.call(m, "field")) {
                        d.field = m.field;
                    }
                    if (m.message != null && Object.hasOwnProperty.call(m, "message")) {
                        d.message = m.message;
                    }
                    return d;
                };

                /**
                 * Converts this CheckError to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.CheckError
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CheckError.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for CheckError
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.CheckError
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                CheckError.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.CheckError";
                };

                return CheckError;
            })();

            v1.CheckBatchRequest = (function() {

                /**
                 * Properties of a CheckBatchRequest.
                 * @memberof ringfence.risk.v1
                 * @interface ICheckBatchRequest
                 * @property {Array.<ringfence.risk.v1.ICheckRequest>|null} [checks] CheckBatchRequest checks
                 */

                /**
                 * Constructs a new CheckBatchRequest.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a CheckBatchRequest.
                 * @implements ICheckBatchRequest
                 * @constructor
                 * @param {ringfence.risk.v1.ICheckBatchRequest=} [p] Properties to set
                 */
                function CheckBatchRequest(p) {
                    this.checks = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * CheckBatchRequest checks.
                 * @member {Array.<ringfence.risk.v1.ICheckRequest>} checks
                 * @memberof ringfence.risk.v1.CheckBatchRequest
                 * @instance
                 */
                CheckBatchRequest.prototype.checks = $util.emptyArray;

                /**
                 * Creates a new CheckBatchRequest instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.CheckBatchRequest
                 * @static
                 * @param {ringfence.risk.v1.ICheckBatchRequest=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.CheckBatchRequest} CheckBatchRequest instance
                 */
                CheckBatchRequest.create = function create(properties) {
                    return new CheckBatchRequest(properties);
                };

                /**
                 * Encodes the specified CheckBatchRequest message. Does not implicitly {@link ringfence.risk.v1.CheckBatchRequest.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.CheckBatchRequest
                 * @static
                 * @param {ringfence.risk.v1.ICheckBatchRequest} m CheckBatchRequest message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CheckBatchRequest.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.checks != null && m.checks.length) {
                        for (var i = 0; i < m.checks.length; ++i)
                            $root.ringfence.risk.v1.CheckRequest.encode(m.checks[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    return w;
                };

                /**
                 * Decodes a CheckBatchRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.CheckBatchRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.CheckBatchRequest} CheckBatchRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CheckBatchRequest.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.CheckBatchRequest();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                if (!(m.checks && m.checks.length))
                                    m.checks = [];
                                m.checks.push($root.ringfence.risk.v1.CheckRequest.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a CheckBatchRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.CheckBatchRequest
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.CheckBatchRequest} CheckBatchRequest
                 */
                CheckBatchRequest.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.CheckBatchRequest)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.CheckBatchRequest: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.CheckBatchRequest();
                    if (d.checks) {
                        if (!Array.isArray(d.checks))
                            throw TypeError(".ringfence.risk.v1.CheckBatchRequest.checks: array expected");
                        m.checks = [];
                        for (var i = 0; i < d.checks.length; ++i) {
                            if (!$util.isObject(d.checks[i]))
                                throw TypeError(".ringfence.risk.v1.CheckBatchRequest.checks: object expected");
                            m.checks[i] = $root.ringfence.risk.v1.CheckRequest.fromObject(d.checks[i], n + 1);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a CheckBatchRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.CheckBatchRequest
                 * @static
                 * @param {ringfence.risk.v1.CheckBatchRequest} m CheckBatchRequest
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CheckBatchRequest.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.checks = [];
                    }
                    if (m.checks && m.checks.length) {
                        d.checks = [];
                        for (var j = 0; j < m.checks.length; ++j) {
                            d.checks[j] = $root.ringfence.risk.v1.CheckRequest.toObject(m.checks[j], o, q + 1);
                        }
                    }
                    return d;
                };

                /**
                 * Converts this CheckBatchRequest to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.CheckBatchRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CheckBatchRequest.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for CheckBatchRequest
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.CheckBatchRequest
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                CheckBatchRequest.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.CheckBatchRequest";
                };

                return CheckBatchRequest;
            })();

            v1.CheckBatchResponse = (function() {

                /**
                 * Properties of a CheckBatchResponse.
                 * @memberof ringfence.risk.v1
                 * @interface ICheckBatchResponse
                 * @property {Array.<ringfence.risk.v1.ICheckResponse>|null} [results] CheckBatchResponse results
                 */

                /**
                 * Constructs a new CheckBatchResponse.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a CheckBatchResponse.
                 * @implements ICheckBatchResponse
                 * @constructor
                 * @param {ringfence.risk.v1.ICheckBatchResponse=} [p] Properties to set
                 */
                function CheckBatchResponse(p) {
                    this.results = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * CheckBatchResponse results.
                 * @member {Array.<ringfence.risk.v1.ICheckResponse>} results
                 * @memberof ringfence.risk.v1.CheckBatchResponse
                 * @instance
                 */
                CheckBatchResponse.prototype.results = $util.emptyArray;

                /**
                 * Creates a new CheckBatchResponse instance using the specified properties.
                 * @function create
                 * @memberof ringfence.risk.v1.CheckBatchResponse
                 * @static
                 * @param {ringfence.risk.v1.ICheckBatchResponse=} [properties] Properties to set
                 * @returns {ringfence.risk.v1.CheckBatchResponse} CheckBatchResponse instance
                 */
                CheckBatchResponse.create = function create(properties) {
                    return new CheckBatchResponse(properties);
                };

                /**
                 * Encodes the specified CheckBatchResponse message. Does not implicitly {@link ringfence.risk.v1.CheckBatchResponse.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.risk.v1.CheckBatchResponse
                 * @static
                 * @param {ringfence.risk.v1.ICheckBatchResponse} m CheckBatchResponse message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CheckBatchResponse.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.results != null && m.results.length) {
                        for (var i = 0; i < m.results.length; ++i)
                            $root.ringfence.risk.v1.CheckResponse.encode(m.results[i], w.uint32(10).fork(), q + 1).ldelim();
                    }
                    return w;
                };

                /**
                 * Decodes a CheckBatchResponse message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.risk.v1.CheckBatchResponse
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.risk.v1.CheckBatchResponse} CheckBatchResponse
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CheckBatchResponse.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.risk.v1.CheckBatchResponse();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                if (!(m.results && m.results.length))
                                    m.results = [];
                                m.results.push($root.ringfence.risk.v1.CheckResponse.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a CheckBatchResponse message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.risk.v1.CheckBatchResponse
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.risk.v1.CheckBatchResponse} CheckBatchResponse
                 */
                CheckBatchResponse.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.risk.v1.CheckBatchResponse)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.risk.v1.CheckBatchResponse: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.risk.v1.CheckBatchResponse();
                    if (d.results) {
                        if (!Array.isArray(d.results))
                            throw TypeError(".ringfence.risk.v1.CheckBatchResponse.results: array expected");
                        m.results = [];
                        for (var i = 0; i < d.results.length; ++i) {
                            if (!$util.isObject(d.results[i]))
                                throw TypeError(".ringfence.risk.v1.CheckBatchResponse.results: object expected");
                            m.results[i] = $root.ringfence.risk.v1.CheckResponse.fromObject(d.results[i], n + 1);
                        }
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a CheckBatchResponse message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.risk.v1.CheckBatchResponse
                 * @static
                 * @param {ringfence.risk.v1.CheckBatchResponse} m CheckBatchResponse
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CheckBatchResponse.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.results = [];
                    }
                    if (m.results && m.results.length) {
                        d.results = [];
                        for (var j = 0; j < m.results.length; ++j) {
                            d.results[j] = $root.ringfence.risk.v1.CheckResponse.toObject(m.results[j], o, q + 1);
                        }
                    }
                    return d;
                };

                /**
                 * Converts this CheckBatchResponse to JSON.
                 * @function toJSON
                 * @memberof ringfence.risk.v1.CheckBatchResponse
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CheckBatchResponse.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for CheckBatchResponse
                 * @function getTypeUrl
                 * @memberof ringfence.risk.v1.CheckBatchResponse
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                CheckBatchResponse.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.risk.v1.CheckBatchResponse";
                };

                return CheckBatchResponse;
            })();

            v1.RiskService = (function() {

                /**
                 * Constructs a new RiskService service.
                 * @memberof ringfence.risk.v1
                 * @classdesc Represents a RiskService
                 * @extends $protobuf.rpc.Service
                 * @constructor
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 */
                function RiskService(rpcImpl, requestDelimited, responseDelimited) {
                    $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
                }

                (RiskService.prototype = Object.create($protobuf.rpc.Service.prototype)).constructor = RiskService;

                /**
                 * Creates new RiskService service using the specified rpc implementation.
                 * @function create
                 * @memberof ringfence.risk.v1.RiskService
                 * @static
                 * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
                 * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
                 * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
                 * @returns {RiskService} RPC service. Useful where requests and/or responses are streamed.
                 */
                RiskService.create = function create(rpcImpl, requestDelimited, responseDelimited) {
                    return new this(rpcImpl, requestDelimited, responseDelimited);
                };

                /**
                 * Callback as used by {@link ringfence.risk.v1.RiskService#check}.
                 * @memberof ringfence.risk.v1.RiskService
                 * @typedef CheckCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {ringfence.risk.v1.CheckResponse} [response] CheckResponse
                 */

                /**
                 * Calls Check.
                 * @function check
                 * @memberof ringfence.risk.v1.RiskService
                 * @instance
                 * @param {ringfence.risk.v1.ICheckRequest} request CheckRequest message or plain object
                 * @param {ringfence.risk.v1.RiskService.CheckCallback} callback Node-style callback called with the error, if any, and CheckResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(RiskService.prototype.check = function check(request, callback) {
                    return this.rpcCall(check, $root.ringfence.risk.v1.CheckRequest, $root.ringfence.risk.v1.CheckResponse, request, callback);
                }, "name", { value: "Check" });

                /**
                 * Calls Check.
                 * @function check
                 * @memberof ringfence.risk.v1.RiskService
                 * @instance
                 * @param {ringfence.risk.v1.ICheckRequest} request CheckRequest message or plain object
                 * @returns {Promise<ringfence.risk.v1.CheckResponse>} Promise
                 * @variation 2
                 */

                /**
                 * Callback as used by {@link ringfence.risk.v1.RiskService#checkBatch}.
                 * @memberof ringfence.risk.v1.RiskService
                 * @typedef CheckBatchCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {ringfence.risk.v1.CheckBatchResponse} [response] CheckBatchResponse
                 */

                /**
                 * Calls CheckBatch.
                 * @function checkBatch
                 * @memberof ringfence.risk.v1.RiskService
                 * @instance
                 * @param {ringfence.risk.v1.ICheckBatchRequest} request CheckBatchRequest message or plain object
                 * @param {ringfence.risk.v1.RiskService.CheckBatchCallback} callback Node-style callback called with the error, if any, and CheckBatchResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(RiskService.prototype.checkBatch = function checkBatch(request, callback) {
                    return this.rpcCall(checkBatch, $root.ringfence.risk.v1.CheckBatchRequest, $root.ringfence.risk.v1.CheckBatchResponse, request, callback);
                }, "name", { value: "CheckBatch" });

                /**
                 * Calls CheckBatch.
                 * @function checkBatch
                 * @memberof ringfence.risk.v1.RiskService
                 * @instance
                 * @param {ringfence.risk.v1.ICheckBatchRequest} request CheckBatchRequest message or plain object
                 * @returns {Promise<ringfence.risk.v1.CheckBatchResponse>} Promise
                 * @variation 2
                 */

                /**
                 * Callback as used by {@link ringfence.risk.v1.RiskService#checkStream}.
                 * @memberof ringfence.risk.v1.RiskService
                 * @typedef CheckStreamCallback
                 * @type {function}
                 * @param {Error|null} error Error, if any
                 * @param {ringfence.risk.v1.CheckBatchResponse} [response] CheckBatchResponse
                 */

                /**
                 * Calls CheckStream.
                 * @function checkStream
                 * @memberof ringfence.risk.v1.RiskService
                 * @instance
                 * @param {ringfence.risk.v1.ICheckBatchRequest} request CheckBatchRequest message or plain object
                 * @param {ringfence.risk.v1.RiskService.CheckStreamCallback} callback Node-style callback called with the error, if any, and CheckBatchResponse
                 * @returns {undefined}
                 * @variation 1
                 */
                Object.defineProperty(RiskService.prototype.checkStream = function checkStream(request, callback) {
                    return this.rpcCall(checkStream, $root.ringfence.risk.v1.CheckBatchRequest, $root.ringfence.risk.v1.CheckBatchResponse, request, callback);
                }, "name", { value: "CheckStream" });

                /**
                 * Calls CheckStream.
                 * @function checkStream
                 * @memberof ringfence.risk.v1.RiskService
                 * @instance
                 * @param {ringfence.risk.v1.ICheckBatchRequest} request CheckBatchRequest message or plain object
                 * @returns {Promise<ringfence.risk.v1.CheckBatchResponse>} Promise
                 * @variation 2
                 */

                return RiskService;
            })();

            return v1;
        })();

        return risk;
    })();

    ringfence.scorer = (function() {

        /**
         * Namespace scorer.
         * @memberof ringfence
         * @namespace
         */
        const scorer = {};

        scorer.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof ringfence.scorer
             * @namespace
             */
            const v1 = {};

            v1.SourceObservation = (function() {

                /**
                 * Properties of a SourceObservation.
                 * @memberof ringfence.scorer.v1
                 * @interface ISourceObservation
                 * @property {ringfence.risk.v1.SubjectKind|null} [kind] SourceObservation kind
                 * @property {string|null} [id] SourceObservation id
                 * @property {number|null} [timeMs] SourceObservation timeMs
                 * @property {string|null} [caller] SourceObservation caller
                 * @property {number|null} [callerHash] SourceObservation callerHash
                 * @property {number|null} [calleeHash] SourceObservation calleeHash
                 * @property {number|null} [blockHash] SourceObservation blockHash
                 * @property {number|null} [regionHash] SourceObservation regionHash
                 * @property {number|null} [talkS] SourceObservation talkS
                 * @property {number|null} [flags] SourceObservation flags
                 * @property {number|null} [originPartition] SourceObservation originPartition
                 * @property {number|null} [originOffset] SourceObservation originOffset
                 */

                /**
                 * Constructs a new SourceObservation.
                 * @memberof ringfence.scorer.v1
                 * @classdesc Represents a SourceObservation.
                 * @implements ISourceObservation
                 * @constructor
                 * @param {ringfence.scorer.v1.ISourceObservation=} [p] Properties to set
                 */
                function SourceObservation(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * SourceObservation kind.
                 * @member {ringfence.risk.v1.SubjectKind} kind
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.kind = 0;

                /**
                 * SourceObservation id.
                 * @member {string} id
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.id = "";

                /**
                 * SourceObservation timeMs.
                 * @member {number} timeMs
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * SourceObservation caller.
                 * @member {string} caller
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.caller = "";

                /**
                 * SourceObservation callerHash.
                 * @member {number} callerHash
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.callerHash = 0;

                /**
                 * SourceObservation calleeHash.
                 * @member {number} calleeHash
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.calleeHash = 0;

                /**
                 * SourceObservation blockHash.
                 * @member {number} blockHash
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.blockHash = 0;

                /**
                 * SourceObservation regionHash.
                 * @member {number} regionHash
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.regionHash = 0;

                /**
                 * SourceObservation talkS.
                 * @member {number} talkS
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.talkS = 0;

                /**
                 * SourceObservation flags.
                 * @member {number} flags
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.flags = 0;

                /**
                 * SourceObservation originPartition.
                 * @member {number} originPartition
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.originPartition = 0;

                /**
                 * SourceObservation originOffset.
                 * @member {number} originOffset
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 */
                SourceObservation.prototype.originOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new SourceObservation instance using the specified properties.
                 * @function create
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @static
                 * @param {ringfence.scorer.v1.ISourceObservation=} [properties] Properties to set
                 * @returns {ringfence.scorer.v1.SourceObservation} SourceObservation instance
                 */
                SourceObservation.create = function create(properties) {
                    return new SourceObservation(properties);
                };

                /**
                 * Encodes the specified SourceObservation message. Does not implicitly {@link ringfence.scorer.v1.SourceObservation.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @static
                 * @param {ringfence.scorer.v1.ISourceObservation} m SourceObservation message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SourceObservation.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind"))
                        w.uint32(8).int32(m.kind);
                    if (m.id != null && Object.hasOwnProperty.call(m, "id"))
                        w.uint32(18).string(m.id);
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs"))
                        w.uint32(24).int64(m.timeMs);
                    if (m.caller != null && Object.hasOwnProperty.call(m, "caller"))
                        w.uint32(34).string(m.caller);
                    if (m.callerHash != null && Object.hasOwnProperty.call(m, "callerHash"))
                        w.uint32(45).sfixed32(m.callerHash);
                    if (m.calleeHash != null && Object.hasOwnProperty.call(m, "calleeHash"))
                        w.uint32(53).sfixed32(m.calleeHash);
                    if (m.blockHash != null && Object.hasOwnProperty.call(m, "blockHash"))
                        w.uint32(61).sfixed32(m.blockHash);
                    if (m.regionHash != null && Object.hasOwnProperty.call(m, "regionHash"))
                        w.uint32(69).sfixed32(m.regionHash);
                    if (m.talkS != null && Object.hasOwnProperty.call(m, "talkS"))
                        w.uint32(73).double(m.talkS);
                    if (m.flags != null && Object.hasOwnProperty.call(m, "flags"))
                        w.uint32(80).uint32(m.flags);
                    if (m.originPartition != null && Object.hasOwnProperty.call(m, "originPartition"))
                        w.uint32(88).int32(m.originPartition);
                    if (m.originOffset != null && Object.hasOwnProperty.call(m, "originOffset"))
                        w.uint32(96).int64(m.originOffset);
                    return w;
                };

                /**
                 * Decodes a SourceObservation message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.scorer.v1.SourceObservation} SourceObservation
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SourceObservation.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.scorer.v1.SourceObservation();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.kind = r.int32();
                                break;
                            }
                        case 2: {
                                m.id = r.string();
                                break;
                            }
                        case 3: {
                                m.timeMs = r.int64();
                                break;
                            }
                        case 4: {
                                m.caller = r.string();
                                break;
                            }
                        case 5: {
                                m.callerHash = r.sfixed32();
                                break;
                            }
                        case 6: {
                                m.calleeHash = r.sfixed32();
                                break;
                            }
                        case 7: {
                                m.blockHash = r.sfixed32();
                                break;
                            }
                        case 8: {
                                m.regionHash = r.sfixed32();
                                break;
                            }
                        case 9: {
                                m.talkS = r.double();
                                break;
                            }
                        case 10: {
                                m.flags = r.uint32();
                                break;
                            }
                        case 11: {
                                m.originPartition = r.int32();
                                break;
                            }
                        case 12: {
                                m.originOffset = r.int64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a SourceObservation message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.scorer.v1.SourceObservation} SourceObservation
                 */
                SourceObservation.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.scorer.v1.SourceObservation)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.scorer.v1.SourceObservation: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.scorer.v1.SourceObservation();
                    switch (d.kind) {
                    default:
                        if (typeof d.kind === "number") {
                            m.kind = d.kind;
                            break;
                        }
                        break;
                    case "SUBJECT_KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "SUBJECT_KIND_NUMBER":
                    case 1:
                        m.kind = 1;
                        break;
                    case "SUBJECT_KIND_TRUNK":
                    case 2:
                        m.kind = 2;
                        break;
                    case "SUBJECT_KIND_CARRIER":
                    case 3:
                        m.kind = 3;
                        break;
                    case "SUBJECT_KIND_DEVICE":
                    case 4:
                        m.kind = 4;
                        break;
                    }
                    if (d.id != null) {
                        m.id = String(d.id);
                    }
                    if (d.timeMs != null) {
                        if ($util.Long)
                            m.timeMs = $util.Long.fromValue(d.timeMs, false);
                        else if (typeof d.timeMs === "string")
                            m.timeMs = parseInt(d.timeMs, 10);
                        else if (typeof d.timeMs === "number")
                            m.timeMs = d.timeMs;
                        else if (typeof d.timeMs === "object")
                            m.timeMs = new $util.LongBits(d.timeMs.low >>> 0, d.timeMs.high >>> 0).toNumber();
                    }
                    if (d.caller != null) {
                        m.caller = String(d.caller);
                    }
                    if (d.callerHash != null) {
                        m.callerHash = d.callerHash | 0;
                    }
                    if (d.calleeHash != null) {
                        m.calleeHash = d.calleeHash | 0;
                    }
                    if (d.blockHash != null) {
                        m.blockHash = d.blockHash | 0;
                    }
                    if (d.regionHash != null) {
                        m.regionHash = d.regionHash | 0;
                    }
                    if (d.talkS != null) {
                        m.talkS = Number(d.talkS);
                    }
                    if (d.flags != null) {
                        m.flags = d.flags >>> 0;
                    }
                    if (d.originPartition != null) {
                        m.originPartition = d.originPartition | 0;
                    }
                    if (d.originOffset != null) {
                        if ($util.Long)
                            m.originOffset = $util.Long.fromValue(d.originOffset, false);
                        else if (typeof d.originOffset === "string")
                            m.originOffset = parseInt(d.originOffset, 10);
                        else if (typeof d.originOffset === "number")
                            m.originOffset = d.originOffset;
                        else if (typeof d.originOffset === "object")
                            m.originOffset = new $util.LongBits(d.originOffset.low >>> 0, d.originOffset.high >>> 0).toNumber();
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a SourceObservation message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @static
                 * @param {ringfence.scorer.v1.SourceObservation} m SourceObservation
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SourceObservation.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.kind = o.enums === String ? "SUBJECT_KIND_UNSPECIFIED" : 0;
                        d.id = "";
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.timeMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.timeMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.caller = "";
                        d.callerHash = 0;
                        d.calleeHash = 0;
                        d.blockHash = 0;
                        d.regionHash = 0;
                        d.talkS = 0;
                        d.flags = 0;
                        d.originPartition = 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.originOffset = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.originOffset = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.kind != null && Object.hasOwnProperty.call(m, "kind")) {
                        d.kind = o.enums === String ? $root.ringfence.risk.v1.SubjectKind[m.kind] === undefined ? m.kind : $root.ringfence.risk.v1.SubjectKind[m.kind] : m.kind;
                    }
                    if (m.id != null && Object.hasOwnProperty.call(m, "id")) {
                        d.id = m.id;
                    }
                    if (m.timeMs != null && Object.hasOwnProperty.call(m, "timeMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.timeMs = typeof m.timeMs === "number" ? BigInt(m.timeMs) : $util.Long.fromBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0, false).toBigInt();
                        else if (typeof m.timeMs === "number")
                            d.timeMs = o.longs === String ? String(m.timeMs) : m.timeMs;
                        else
                            d.timeMs = o.longs === String ? $util.Long.prototype.toString.call(m.timeMs) : o.longs === Number ? new $util.LongBits(m.timeMs.low >>> 0, m.timeMs.high >>> 0).toNumber() : m.timeMs;
                    }
                    if (m.caller != null && Object.hasOwnProperty.call(m, "caller")) {
                        d.caller = m.caller;
                    }
                    if (m.callerHash != null && Object.hasOwnProperty.call(m, "callerHash")) {
                        d.callerHash = m.callerHash;
                    }
                    if (m.calleeHash != null && Object.hasOwnProperty.call(m, "calleeHash")) {
                        d.calleeHash = m.calleeHash;
                    }
                    if (m.blockHash != null && Object.hasOwnProperty.call(m, "blockHash")) {
                        d.blockHash = m.blockHash;
                    }
                    if (m.regionHash != null && Object.hasOwnProperty.call(m, "regionHash")) {
                        d.regionHash = m.regionHash;
                    }
                    if (m.talkS != null && Object.hasOwnProperty.call(m, "talkS")) {
                        d.talkS = o.json && !isFinite(m.talkS) ? String(m.talkS) : m.talkS;
                    }
                    if (m.flags != null && Object.hasOwnProperty.call(m, "flags")) {
                        d.flags = m.flags;
                    }
                    if (m.originPartition != null && Object.hasOwnProperty.call(m, "originPartition")) {
                        d.originPartition = m.originPartition;
                    }
                    if (m.originOffset != null && Object.hasOwnProperty.call(m, "originOffset")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.originOffset = typeof m.originOffset === "number" ? BigInt(m.originOffset) : $util.Long.fromBits(m.originOffset.low >>> 0, m.originOffset.high >>> 0, false).toBigInt();
                        else if (typeof m.originOffset === "number")
                            d.originOffset = o.longs === String ? String(m.originOffset) : m.originOffset;
                        else
                            d.originOffset = o.longs === String ? $util.Long.prototype.toString.call(m.originOffset) : o.longs === Number ? new $util.LongBits(m.originOffset.low >>> 0, m.originOffset.high >>> 0).toNumber() : m.originOffset;
                    }
                    return d;
                };

                /**
                 * Converts this SourceObservation to JSON.
                 * @function toJSON
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SourceObservation.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for SourceObservation
                 * @function getTypeUrl
                 * @memberof ringfence.scorer.v1.SourceObservation
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                SourceObservation.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.scorer.v1.SourceObservation";
                };

                return SourceObservation;
            })();

            v1.PartitionOffset = (function() {

                /**
                 * Properties of a PartitionOffset.
                 * @memberof ringfence.scorer.v1
                 * @interface IPartitionOffset
                 * @property {string|null} [topic] PartitionOffset topic
                 * @property {number|null} [partition] PartitionOffset partition
                 * @property {number|null} [offset] PartitionOffset offset
                 */

                /**
                 * Constructs a new PartitionOffset.
                 * @memberof ringfence.scorer.v1
                 * @classdesc Represents a PartitionOffset.
                 * @implements IPartitionOffset
                 * @constructor
                 * @param {ringfence.scorer.v1.IPartitionOffset=} [p] Properties to set
                 */
                function PartitionOffset(p) {
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * PartitionOffset topic.
                 * @member {string} topic
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @instance
                 */
                PartitionOffset.prototype.topic = "";

                /**
                 * PartitionOffset partition.
                 * @member {number} partition
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @instance
                 */
                PartitionOffset.prototype.partition = 0;

                /**
                 * PartitionOffset offset.
                 * @member {number} offset
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @instance
                 */
                PartitionOffset.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * Creates a new PartitionOffset instance using the specified properties.
                 * @function create
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @static
                 * @param {ringfence.scorer.v1.IPartitionOffset=} [properties] Properties to set
                 * @returns {ringfence.scorer.v1.PartitionOffset} PartitionOffset instance
                 */
                PartitionOffset.create = function create(properties) {
                    return new PartitionOffset(properties);
                };

                /**
                 * Encodes the specified PartitionOffset message. Does not implicitly {@link ringfence.scorer.v1.PartitionOffset.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @static
                 * @param {ringfence.scorer.v1.IPartitionOffset} m PartitionOffset message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                PartitionOffset.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.topic != null && Object.hasOwnProperty.call(m, "topic"))
                        w.uint32(10).string(m.topic);
                    if (m.partition != null && Object.hasOwnProperty.call(m, "partition"))
                        w.uint32(16).int32(m.partition);
                    if (m.offset != null && Object.hasOwnProperty.call(m, "offset"))
                        w.uint32(24).int64(m.offset);
                    return w;
                };

                /**
                 * Decodes a PartitionOffset message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.scorer.v1.PartitionOffset} PartitionOffset
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                PartitionOffset.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.scorer.v1.PartitionOffset();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.topic = r.string();
                                break;
                            }
                        case 2: {
                                m.partition = r.int32();
                                break;
                            }
                        case 3: {
                                m.offset = r.int64();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a PartitionOffset message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.scorer.v1.PartitionOffset} PartitionOffset
                 */
                PartitionOffset.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.scorer.v1.PartitionOffset)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.scorer.v1.PartitionOffset: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.scorer.v1.PartitionOffset();
                    if (d.topic != null) {
                        m.topic = String(d.topic);
                    }
                    if (d.partition != null) {
                        m.partition = d.partition | 0;
                    }
                    if (d.offset != null) {
                        if ($util.Long)
                            m.offset = $util.Long.fromValue(d.offset, false);
                        else if (typeof d.offset === "string")
                            m.offset = parseInt(d.offset, 10);
                        else if (typeof d.offset === "number")
                            m.offset = d.offset;
                        else if (typeof d.offset === "object")
                            m.offset = new $util.LongBits(d.offset.low >>> 0, d.offset.high >>> 0).toNumber();
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a PartitionOffset message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @static
                 * @param {ringfence.scorer.v1.PartitionOffset} m PartitionOffset
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                PartitionOffset.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.defaults) {
                        d.topic = "";
                        d.partition = 0;
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.offset = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.offset = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                    }
                    if (m.topic != null && Object.hasOwnProperty.call(m, "topic")) {
                        d.topic = m.topic;
                    }
                    if (m.partition != null && Object.hasOwnProperty.call(m, "partition")) {
                        d.partition = m.partition;
                    }
                    if (m.offset != null && Object.hasOwnProperty.call(m, "offset")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.offset = typeof m.offset === "number" ? BigInt(m.offset) : $util.Long.fromBits(m.offset.low >>> 0, m.offset.high >>> 0, false).toBigInt();
                        else if (typeof m.offset === "number")
                            d.offset = o.longs === String ? String(m.offset) : m.offset;
                        else
                            d.offset = o.longs === String ? $util.Long.prototype.toString.call(m.offset) : o.longs === Number ? new $util.LongBits(m.offset.low >>> 0, m.offset.high >>> 0).toNumber() : m.offset;
                    }
                    return d;
                };

                /**
                 * Converts this PartitionOffset to JSON.
                 * @function toJSON
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                PartitionOffset.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for PartitionOffset
                 * @function getTypeUrl
                 * @memberof ringfence.scorer.v1.PartitionOffset
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                PartitionOffset.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.scorer.v1.PartitionOffset";
                };

                return PartitionOffset;
            })();

            /**
             * SnapshotCompression enum.
             * @name ringfence.scorer.v1.SnapshotCompression
             * @enum {number}
             * @property {number} SNAPSHOT_COMPRESSION_NONE=0 SNAPSHOT_COMPRESSION_NONE value
             * @property {number} SNAPSHOT_COMPRESSION_ZSTD=1 SNAPSHOT_COMPRESSION_ZSTD value
             */
            v1.SnapshotCompression = (function() {
                const valuesById = {}, values = Object.create(valuesById);
                values[valuesById[0] = "SNAPSHOT_COMPRESSION_NONE"] = 0;
                values[valuesById[1] = "SNAPSHOT_COMPRESSION_ZSTD"] = 1;
                return values;
            })();

            v1.StageSnapshot = (function() {

                /**
                 * Properties of a StageSnapshot.
                 * @memberof ringfence.scorer.v1
                 * @interface IStageSnapshot
                 * @property {string|null} [stage] StageSnapshot stage
                 * @property {Uint8Array|null} [state] StageSnapshot state
                 * @property {Array.<ringfence.scorer.v1.IPartitionOffset>|null} [offsets] StageSnapshot offsets
                 * @property {number|null} [takenMs] StageSnapshot takenMs
                 * @property {ringfence.scorer.v1.SnapshotCompression|null} [compression] StageSnapshot compression
                 */

                /**
                 * Constructs a new StageSnapshot.
                 * @memberof ringfence.scorer.v1
                 * @classdesc Represents a StageSnapshot.
                 * @implements IStageSnapshot
                 * @constructor
                 * @param {ringfence.scorer.v1.IStageSnapshot=} [p] Properties to set
                 */
                function StageSnapshot(p) {
                    this.offsets = [];
                    if (p)
                        for (var ks = Object.keys(p), i = 0; i < ks.length; ++i)
                            if (p[ks[i]] != null && ks[i] !== "__proto__")
                                this[ks[i]] = p[ks[i]];
                }

                /**
                 * StageSnapshot stage.
                 * @member {string} stage
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @instance
                 */
                StageSnapshot.prototype.stage = "";

                /**
                 * StageSnapshot state.
                 * @member {Uint8Array} state
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @instance
                 */
                StageSnapshot.prototype.state = $util.newBuffer([]);

                /**
                 * StageSnapshot offsets.
                 * @member {Array.<ringfence.scorer.v1.IPartitionOffset>} offsets
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @instance
                 */
                StageSnapshot.prototype.offsets = $util.emptyArray;

                /**
                 * StageSnapshot takenMs.
                 * @member {number} takenMs
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @instance
                 */
                StageSnapshot.prototype.takenMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * StageSnapshot compression.
                 * @member {ringfence.scorer.v1.SnapshotCompression} compression
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @instance
                 */
                StageSnapshot.prototype.compression = 0;

                /**
                 * Creates a new StageSnapshot instance using the specified properties.
                 * @function create
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @static
                 * @param {ringfence.scorer.v1.IStageSnapshot=} [properties] Properties to set
                 * @returns {ringfence.scorer.v1.StageSnapshot} StageSnapshot instance
                 */
                StageSnapshot.create = function create(properties) {
                    return new StageSnapshot(properties);
                };

                /**
                 * Encodes the specified StageSnapshot message. Does not implicitly {@link ringfence.scorer.v1.StageSnapshot.verify|verify} messages.
                 * @function encode
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @static
                 * @param {ringfence.scorer.v1.IStageSnapshot} m StageSnapshot message or plain object to encode
                 * @param {$protobuf.Writer} [w] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                StageSnapshot.encode = function encode(m, w, q) {
                    if (!w)
                        w = $Writer.create();
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    if (m.stage != null && Object.hasOwnProperty.call(m, "stage"))
                        w.uint32(10).string(m.stage);
                    if (m.state != null && Object.hasOwnProperty.call(m, "state"))
                        w.uint32(18).bytes(m.state);
                    if (m.offsets != null && m.offsets.length) {
                        for (var i = 0; i < m.offsets.length; ++i)
                            $root.ringfence.scorer.v1.PartitionOffset.encode(m.offsets[i], w.uint32(26).fork(), q + 1).ldelim();
                    }
                    if (m.takenMs != null && Object.hasOwnProperty.call(m, "takenMs"))
                        w.uint32(32).int64(m.takenMs);
                    if (m.compression != null && Object.hasOwnProperty.call(m, "compression"))
                        w.uint32(40).int32(m.compression);
                    return w;
                };

                /**
                 * Decodes a StageSnapshot message from the specified reader or buffer.
                 * @function decode
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
                 * @param {number} [l] Message length if known beforehand
                 * @returns {ringfence.scorer.v1.StageSnapshot} StageSnapshot
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                StageSnapshot.decode = function decode(r, l, e, n) {
                    if (!(r instanceof $Reader))
                        r = $Reader.create(r);
                    if (n === undefined)
                        n = 0;
                    if (n > $Reader.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var c, m;
                    if (l === undefined)
                        c = r.len;
                    else {
                        c = r.pos + l;
                        if (c > r.len)
                            throw RangeError("index out of range");
                        l = r.len;
                        r.len = c;
                    }
                    m = new $root.ringfence.scorer.v1.StageSnapshot();
                    while (r.pos < c) {
                        var t = r.uint32();
                        if (t === e)
                            break;
                        switch (t >>> 3) {
                        case 1: {
                                m.stage = r.string();
                                break;
                            }
                        case 2: {
                                m.state = r.bytes();
                                break;
                            }
                        case 3: {
                                if (!(m.offsets && m.offsets.length))
                                    m.offsets = [];
                                m.offsets.push($root.ringfence.scorer.v1.PartitionOffset.decode(r, r.uint32(), undefined, n + 1));
                                break;
                            }
                        case 4: {
                                m.takenMs = r.int64();
                                break;
                            }
                        case 5: {
                                m.compression = r.int32();
                                break;
                            }
                        default:
                            r.skipType(t & 7, n);
                            break;
                        }
                    }
                    if (l !== undefined) {
                        if (r.pos !== c)
                            throw RangeError("index out of range");
                        r.len = l;
                    }
                    return m;
                };

                /**
                 * Creates a StageSnapshot message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @static
                 * @param {Object.<string,*>} d Plain object
                 * @returns {ringfence.scorer.v1.StageSnapshot} StageSnapshot
                 */
                StageSnapshot.fromObject = function fromObject(d, n) {
                    if (d instanceof $root.ringfence.scorer.v1.StageSnapshot)
                        return d;
                    if (!$util.isObject(d))
                        throw TypeError(".ringfence.scorer.v1.StageSnapshot: object expected");
                    if (n === undefined)
                        n = 0;
                    if (n > $util.recursionLimit)
                        throw Error("maximum nesting depth exceeded");
                    var m = new $root.ringfence.scorer.v1.StageSnapshot();
                    if (d.stage != null) {
                        m.stage = String(d.stage);
                    }
                    if (d.state != null) {
                        if (typeof d.state === "string")
                            $util.base64.decode(d.state, m.state = $util.newBuffer($util.base64.length(d.state)), 0);
                        else if (d.state.length >= 0)
                            m.state = d.state;
                    }
                    if (d.offsets) {
                        if (!Array.isArray(d.offsets))
                            throw TypeError(".ringfence.scorer.v1.StageSnapshot.offsets: array expected");
                        m.offsets = [];
                        for (var i = 0; i < d.offsets.length; ++i) {
                            if (!$util.isObject(d.offsets[i]))
                                throw TypeError(".ringfence.scorer.v1.StageSnapshot.offsets: object expected");
                            m.offsets[i] = $root.ringfence.scorer.v1.PartitionOffset.fromObject(d.offsets[i], n + 1);
                        }
                    }
                    if (d.takenMs != null) {
                        if ($util.Long)
                            m.takenMs = $util.Long.fromValue(d.takenMs, false);
                        else if (typeof d.takenMs === "string")
                            m.takenMs = parseInt(d.takenMs, 10);
                        else if (typeof d.takenMs === "number")
                            m.takenMs = d.takenMs;
                        else if (typeof d.takenMs === "object")
                            m.takenMs = new $util.LongBits(d.takenMs.low >>> 0, d.takenMs.high >>> 0).toNumber();
                    }
                    switch (d.compression) {
                    default:
                        if (typeof d.compression === "number") {
                            m.compression = d.compression;
                            break;
                        }
                        break;
                    case "SNAPSHOT_COMPRESSION_NONE":
                    case 0:
                        m.compression = 0;
                        break;
                    case "SNAPSHOT_COMPRESSION_ZSTD":
                    case 1:
                        m.compression = 1;
                        break;
                    }
                    return m;
                };

                /**
                 * Creates a plain object from a StageSnapshot message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @static
                 * @param {ringfence.scorer.v1.StageSnapshot} m StageSnapshot
                 * @param {$protobuf.IConversionOptions} [o] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                StageSnapshot.toObject = function toObject(m, o, q) {
                    if (!o)
                        o = {};
                    if (q === undefined)
                        q = 0;
                    if (q > $util.recursionLimit)
                        throw Error("max depth exceeded");
                    var d = {};
                    if (o.arrays || o.defaults) {
                        d.offsets = [];
                    }
                    if (o.defaults) {
                        d.stage = "";
                        if (o.bytes === String)
                            d.state = "";
                        else {
                            d.state = [];
                            if (o.bytes !== Array)
                                d.state = $util.newBuffer(d.state);
                        }
                        if ($util.Long) {
                            var n = new $util.Long(0, 0, false);
                            d.takenMs = o.longs === String ? n.toString() : o.longs === Number ? n.toNumber() : typeof BigInt !== "undefined" && o.longs === BigInt ? n.toBigInt() : n;
                        } else
                            d.takenMs = o.longs === String ? "0" : typeof BigInt !== "undefined" && o.longs === BigInt ? BigInt("0") : 0;
                        d.compression = o.enums === String ? "SNAPSHOT_COMPRESSION_NONE" : 0;
                    }
                    if (m.stage != null && Object.hasOwnProperty.call(m, "stage")) {
                        d.stage = m.stage;
                    }
                    if (m.state != null && Object.hasOwnProperty.call(m, "state")) {
                        d.state = o.bytes === String ? $util.base64.encode(m.state, 0, m.state.length) : o.bytes === Array ? Array.prototype.slice.call(m.state) : m.state;
                    }
                    if (m.offsets && m.offsets.length) {
                        d.offsets = [];
                        for (var j = 0; j < m.offsets.length; ++j) {
                            d.offsets[j] = $root.ringfence.scorer.v1.PartitionOffset.toObject(m.offsets[j], o, q + 1);
                        }
                    }
                    if (m.takenMs != null && Object.hasOwnProperty.call(m, "takenMs")) {
                        if (typeof BigInt !== "undefined" && o.longs === BigInt)
                            d.takenMs = typeof m.takenMs === "number" ? BigInt(m.takenMs) : $util.Long.fromBits(m.takenMs.low >>> 0, m.takenMs.high >>> 0, false).toBigInt();
                        else if (typeof m.takenMs === "number")
                            d.takenMs = o.longs === String ? String(m.takenMs) : m.takenMs;
                        else
                            d.takenMs = o.longs === String ? $util.Long.prototype.toString.call(m.takenMs) : o.longs === Number ? new $util.LongBits(m.takenMs.low >>> 0, m.takenMs.high >>> 0).toNumber() : m.takenMs;
                    }
                    if (m.compression != null && Object.hasOwnProperty.call(m, "compression")) {
                        d.compression = o.enums === String ? $root.ringfence.scorer.v1.SnapshotCompression[m.compression] === undefined ? m.compression : $root.ringfence.scorer.v1.SnapshotCompression[m.compression] : m.compression;
                    }
                    return d;
                };

                /**
                 * Converts this StageSnapshot to JSON.
                 * @function toJSON
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                StageSnapshot.prototype.toJSON = function toJSON() {
                    return this.constructor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the default type url for StageSnapshot
                 * @function getTypeUrl
                 * @memberof ringfence.scorer.v1.StageSnapshot
                 * @static
                 * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
                 * @returns {string} The default type url
                 */
                StageSnapshot.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                    if (typeUrlPrefix === undefined) {
                        typeUrlPrefix = "type.googleapis.com";
                    }
                    return typeUrlPrefix + "/ringfence.scorer.v1.StageSnapshot";
                };

                return StageSnapshot;
            })();

            return v1;
        })();

        return scorer;
    })();

    return ringfence;
})();

export { $root as default };
