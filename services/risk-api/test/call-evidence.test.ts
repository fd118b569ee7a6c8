import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Attestation, CallingLocation } from '@ringfence/proto';
import { describe, expect, it } from 'vitest';
import {
  createCallEvidence,
  EVIDENCE_HOME_NUMBER_FROM_ABROAD,
  EVIDENCE_INVALID_NUMBER,
  EVIDENCE_ONNET_OUTSIDE_UNATTESTED,
  EVIDENCE_UNATTESTED_HOME_NUMBER,
  EVIDENCE_REASON_CODES,
  evidencePatterns,
  NUMBER_VIA_SPOOFING_SOURCE,
  numberPatterns,
  SPOOF_SIGNAL_ATTESTATION_C,
  SPOOF_SIGNAL_NONE,
  SPOOF_SIGNAL_SUBSCRIBER_HOME,
} from '../src/call-evidence.js';
import { testConfig } from './support.js';

const BOTH = EVIDENCE_ONNET_OUTSIDE_UNATTESTED | EVIDENCE_INVALID_NUMBER;

describe('call evidence', () => {
  const evidence = createCallEvidence(testConfig());
  const shows = (
    calling: string,
    carrier: string,
    attestation: Attestation,
    location = CallingLocation.CALLING_LOCATION_UNSPECIFIED,
  ): number => evidence.shows(BOTH, calling, calling, 'TG-GZ-IC-01', carrier, attestation, location);
  const ATTESTATIONS = [
    Attestation.ATTESTATION_UNSPECIFIED,
    Attestation.ATTESTATION_A,
    Attestation.ATTESTATION_B,
    Attestation.ATTESTATION_C,
  ];

  it('sees an own-range number from outside only when unattested', () => {
    const onNet = '+8613612345678';
    expect(shows(onNet, 'INTL-X', Attestation.ATTESTATION_C)).toBe(EVIDENCE_ONNET_OUTSIDE_UNATTESTED);
    expect(shows(onNet, 'INTL-X', Attestation.ATTESTATION_UNSPECIFIED)).toBe(
      EVIDENCE_ONNET_OUTSIDE_UNATTESTED,
    );
    expect(shows(onNet, 'INTL-X', Attestation.ATTESTATION_A)).toBe(0);
    expect(shows(onNet, 'INTL-X', Attestation.ATTESTATION_B)).toBe(0);
    expect(shows(onNet, 'ON-NET', Attestation.ATTESTATION_C)).toBe(0);
    // An unknown ingress carrier is not "outside": nothing is known about the route.
    expect(shows(onNet, '', Attestation.ATTESTATION_C)).toBe(0);
    expect(shows('+8613312345678', 'INTL-X', Attestation.ATTESTATION_C)).toBe(0);
  });

  it('never sees a roaming subscriber as spoofed, and a copy of one at home whatever its attestation', () => {
    const onNet = '+8613612345678';
    for (const attestation of ATTESTATIONS) {
      expect(shows(onNet, 'INTL-X', attestation, CallingLocation.CALLING_LOCATION_ROAMING)).toBe(0);
      expect(
        evidence.spoofSignal(onNet, 'INTL-X', attestation, CallingLocation.CALLING_LOCATION_ROAMING),
      ).toBe(SPOOF_SIGNAL_NONE);
      expect(shows(onNet, 'INTL-X', attestation, CallingLocation.CALLING_LOCATION_HOME)).toBe(
        EVIDENCE_ONNET_OUTSIDE_UNATTESTED,
      );
      expect(evidence.spoofSignal(onNet, 'INTL-X', attestation, CallingLocation.CALLING_LOCATION_HOME)).toBe(
        SPOOF_SIGNAL_SUBSCRIBER_HOME,
      );
      // At home on our own network, or another carrier's number: the location says nothing.
      for (const [calling, carrier] of [
        [onNet, 'ON-NET'],
        [onNet, ''],
        ['+8613312345678', 'INTL-X'],
      ] as const) {
        expect(shows(calling, carrier, attestation, CallingLocation.CALLING_LOCATION_HOME)).toBe(0);
        expect(
          evidence.spoofSignal(calling, carrier, attestation, CallingLocation.CALLING_LOCATION_HOME),
        ).toBe(SPOOF_SIGNAL_NONE);
      }
    }
    // Roaming clears the own-range pattern only: a number no plan can have assigned is still that.
    expect(
      shows('+8613612345', 'INTL-X', Attestation.ATTESTATION_C, CallingLocation.CALLING_LOCATION_ROAMING),
    ).toBe(EVIDENCE_INVALID_NUMBER);
  });

  it('keeps the attestation rule when the location is unknown, or a value this build does not know', () => {
    const onNet = '+8613612345678';
    const unknown = 7 as CallingLocation;
    for (const location of [CallingLocation.CALLING_LOCATION_UNSPECIFIED, unknown]) {
      expect(ATTESTATIONS.map((a) => evidence.spoofSignal(onNet, 'INTL-X', a, location))).toEqual([
        SPOOF_SIGNAL_NONE,
        SPOOF_SIGNAL_NONE,
        SPOOF_SIGNAL_NONE,
        SPOOF_SIGNAL_ATTESTATION_C,
      ]);
      expect(ATTESTATIONS.map((a) => shows(onNet, 'INTL-X', a, location))).toEqual([
        EVIDENCE_ONNET_OUTSIDE_UNATTESTED,
        0,
        0,
        EVIDENCE_ONNET_OUTSIDE_UNATTESTED,
      ]);
    }
  });

  it('sees a number no plan can have assigned, and checks only the patterns asked for', () => {
    expect(shows('+8612345678', 'ON-NET', Attestation.ATTESTATION_A)).toBe(EVIDENCE_INVALID_NUMBER);
    expect(
      evidence.shows(
        EVIDENCE_ONNET_OUTSIDE_UNATTESTED,
        '+8612345678',
        '+8612345678',
        'TG-GZ-IC-01',
        'X',
        Attestation.ATTESTATION_C,
        CallingLocation.CALLING_LOCATION_UNSPECIFIED,
      ),
    ).toBe(0);
  });

  it('reads the patterns a source verdict can be decided by from its reasons', () => {
    const reason = (code: string): { code: string } => ({ code });
    expect(evidencePatterns([reason('SRC_LOW_ANSWER_RATIO'), reason('SRC_SHORT_CALLS')])).toBe(0);
    expect(evidencePatterns([reason('SRC_SHORT_CALLS'), reason('SRC_INVALID_NUMBERS')])).toBe(
      EVIDENCE_INVALID_NUMBER,
    );
    expect(evidencePatterns([reason('SRC_ROTATING_SUSPECT_NUMBERS')])).toBe(
      BOTH | EVIDENCE_HOME_NUMBER_FROM_ABROAD,
    );
    expect(evidencePatterns([reason('SRC_UNATTESTED_CALLERS')])).toBe(EVIDENCE_UNATTESTED_HOME_NUMBER);
    expect(numberPatterns([reason('VIA_SPOOFING_SOURCE_NOT_CALLED'), reason('VIA_SPOOFING_SOURCE')])).toBe(
      NUMBER_VIA_SPOOFING_SOURCE,
    );
    expect(numberPatterns([reason('VIA_SPOOFING_SOURCE_NOT_CALLED'), reason('LOW_ANSWER_RATIO')])).toBe(0);
  });

  it('sees a home-format number from abroad unattested, not a foreign caller, a roamer or an attested call', () => {
    const HOME = EVIDENCE_HOME_NUMBER_FROM_ABROAD | EVIDENCE_UNATTESTED_HOME_NUMBER;
    const at = (
      calling: string,
      trunk: string,
      attestation: Attestation,
      location = CallingLocation.CALLING_LOCATION_UNSPECIFIED,
    ): number => evidence.shows(HOME, calling, calling, trunk, 'INTL-GW-3', attestation, location);
    const gateway = 'TG-SH-INTL-01';
    // Another domestic network's number, or ours, entering from abroad with nothing vouching for it.
    for (const n of ['+8615512345678', '+8613612345678', '+861012345678']) {
      expect(at(n, gateway, Attestation.ATTESTATION_UNSPECIFIED), n).toBe(HOME);
      expect(at(n, gateway, Attestation.ATTESTATION_C), n).toBe(EVIDENCE_HOME_NUMBER_FROM_ABROAD);
      expect(at(n, gateway, Attestation.ATTESTATION_A), n).toBe(0);
      expect(at(n, gateway, Attestation.ATTESTATION_B), n).toBe(0);
    }
    // Family abroad with their own numbers: what a gateway carries.
    expect(at('+447501234567', gateway, Attestation.ATTESTATION_UNSPECIFIED)).toBe(0);
    // Our subscriber roaming, as the HLR/HSS says: calling home is normal.
    for (const attestation of [Attestation.ATTESTATION_UNSPECIFIED, Attestation.ATTESTATION_C]) {
      expect(at('+8613612345678', gateway, attestation, CallingLocation.CALLING_LOCATION_ROAMING)).toBe(0);
    }
    // A domestic trunk: only the missing attestation is the pattern, never attestation C.
    expect(at('+8615512345678', 'TG-GZ-IC-07', Attestation.ATTESTATION_C)).toBe(0);
    expect(at('+8615512345678', 'TG-GZ-IC-07', Attestation.ATTESTATION_UNSPECIFIED)).toBe(
      EVIDENCE_UNATTESTED_HOME_NUMBER,
    );
    // Only the patterns asked for are checked.
    expect(
      evidence.shows(
        EVIDENCE_INVALID_NUMBER,
        '+8615512345678',
        '+8615512345678',
        gateway,
        'INTL-GW-3',
        Attestation.ATTESTATION_UNSPECIFIED,
        CallingLocation.CALLING_LOCATION_UNSPECIFIED,
      ),
    ).toBe(0);
  });

  it('continues a number’s unverified history through a spoofing route only with an unverified call', () => {
    const continues = (bits: number, attestation: Attestation, location: CallingLocation): boolean =>
      evidence.continuesTaint(bits, attestation, location);
    const none = CallingLocation.CALLING_LOCATION_UNSPECIFIED;
    expect(continues(NUMBER_VIA_SPOOFING_SOURCE, Attestation.ATTESTATION_C, none)).toBe(true);
    expect(continues(NUMBER_VIA_SPOOFING_SOURCE, Attestation.ATTESTATION_UNSPECIFIED, none)).toBe(true);
    expect(continues(NUMBER_VIA_SPOOFING_SOURCE, Attestation.ATTESTATION_B, none)).toBe(false);
    expect(continues(NUMBER_VIA_SPOOFING_SOURCE, Attestation.ATTESTATION_A, none)).toBe(false);
    expect(
      continues(
        NUMBER_VIA_SPOOFING_SOURCE,
        Attestation.ATTESTATION_C,
        CallingLocation.CALLING_LOCATION_ROAMING,
      ),
    ).toBe(false);
    expect(continues(0, Attestation.ATTESTATION_C, none)).toBe(false);
  });

  it('names rules the scorer has for trunks and carriers', () => {
    // The codes are the engine's; a renamed rule would silently stop every source from deciding.
    const file = join(import.meta.dirname, '../../engine/config/default-rules.json');
    const rules = (
      JSON.parse(readFileSync(file, 'utf8')) as { rules: { code: string; appliesTo: string[] }[] }
    ).rules;
    for (const code of EVIDENCE_REASON_CODES) {
      const rule = rules.find((r) => r.code === code);
      expect(rule?.appliesTo, code).toEqual(expect.arrayContaining(['trunk', 'carrier']));
    }
  });
});
