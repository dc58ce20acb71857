import { describe, expect, it } from 'vitest';
import {
  HLC_MAX_COUNTER,
  HLC_SKEW_WARNING_MS,
  HlcFormatError,
  clockDriftMs,
  compareHlc,
  decodeHlc,
  encodeHlc,
  initialHlcState,
  isHlc,
  maxHlcState,
  receive,
  tick,
  type HlcState,
} from '../../../../shared/sync/hlc';

const NODE_A = '11111111-1111-4111-8111-111111111111';
const NODE_B = '22222222-2222-4222-8222-222222222222';
const T0 = Date.UTC(2025, 10, 24, 8, 0, 0);

describe('tick', () => {
  it('follows the machine clock when it moves forward', () => {
    const s1 = tick(initialHlcState, T0);
    expect(s1).toEqual({ wallMs: T0, counter: 0 });
    expect(tick(s1, T0 + 5)).toEqual({ wallMs: T0 + 5, counter: 0 });
  });

  it('counts events within the same millisecond', () => {
    const s1 = tick(initialHlcState, T0);
    const s2 = tick(s1, T0);
    const s3 = tick(s2, T0);
    expect(s3).toEqual({ wallMs: T0, counter: 2 });
  });

  it('never goes backwards when the machine clock is set back', () => {
    let s = tick(initialHlcState, T0);
    const ids = [encodeHlc(s, NODE_A)];
    for (const now of [T0 - 60_000, T0 - 3_600_000, T0 - 1, T0]) {
      s = tick(s, now);
      ids.push(encodeHlc(s, NODE_A));
    }
    expect(s.wallMs).toBe(T0);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // Once the machine clock catches up, the physical time is used again.
    expect(tick(s, T0 + 10)).toEqual({ wallMs: T0 + 10, counter: 0 });
  });

  it('moves the wall one millisecond ahead when the counter would overflow', () => {
    const full: HlcState = { wallMs: T0, counter: HLC_MAX_COUNTER };
    expect(tick(full, T0)).toEqual({ wallMs: T0 + 1, counter: 0 });
  });

  it('produces 100,000 strictly increasing ids in a frozen millisecond', () => {
    let s = initialHlcState;
    let prev = '';
    let outOfOrder = 0;
    for (let i = 0; i < 100_000; i++) {
      s = tick(s, T0);
      const id = encodeHlc(s, NODE_A);
      if (!(id > prev)) outOfOrder++;
      prev = id;
    }
    expect(outOfOrder).toBe(0);
    expect(s.wallMs).toBe(T0 + 1); // one counter overflow
  });

  it('rejects nonsense times', () => {
    expect(() => tick(initialHlcState, -1)).toThrow(RangeError);
    expect(() => tick(initialHlcState, Number.NaN)).toThrow(RangeError);
  });
});

describe('receive', () => {
  it('is greater than both the local state and the remote timestamp', () => {
    const local = { wallMs: T0, counter: 3 };
    const remote = { wallMs: T0, counter: 7 };
    const { state } = receive(local, remote, T0 - 10);
    expect(state).toEqual({ wallMs: T0, counter: 8 });
    expect(compareHlc({ ...state, nodeId: NODE_A }, { ...remote, nodeId: NODE_B })).toBe(1);
  });

  it('uses the machine clock when it is ahead of both', () => {
    const { state, skewMs } = receive({ wallMs: T0, counter: 3 }, { wallMs: T0 - 100, counter: 9 }, T0 + 50);
    expect(state).toEqual({ wallMs: T0 + 50, counter: 0 });
    expect(skewMs).toBe(-150);
  });

  it('keeps causality with a remote far in the future and reports the skew', () => {
    const year = 365 * 24 * 3600 * 1000;
    const remoteId = encodeHlc({ wallMs: T0 + year, counter: 4 }, NODE_B);
    const { state, skewMs } = receive({ wallMs: T0, counter: 0 }, remoteId, T0);
    expect(skewMs).toBe(year);
    expect(Math.abs(skewMs) > HLC_SKEW_WARNING_MS).toBe(true);
    expect(state).toEqual({ wallMs: T0 + year, counter: 5 });
    // A later local edit still sorts after the remote op it has seen.
    const next = tick(state, T0 + 1000);
    expect(encodeHlc(next, NODE_A) > remoteId).toBe(true);
    expect(clockDriftMs(next, T0 + 1000)).toBe(year - 1000);
  });

  it('takes the local counter when only the local wall is largest', () => {
    const { state } = receive({ wallMs: T0 + 10, counter: 2 }, { wallMs: T0, counter: 40 }, T0);
    expect(state).toEqual({ wallMs: T0 + 10, counter: 3 });
  });

  it('handles a remote counter at its maximum', () => {
    const { state } = receive(initialHlcState, { wallMs: T0, counter: HLC_MAX_COUNTER }, T0);
    expect(state).toEqual({ wallMs: T0 + 1, counter: 0 });
  });
});

describe('encode / decode / compare', () => {
  it('round-trips and is fixed width', () => {
    const id = encodeHlc({ wallMs: 0x19a3b2c1d4e, counter: 0x2a }, NODE_A);
    expect(id).toBe(`0000019a3b2c1d4e-002a-${NODE_A}`);
    expect(decodeHlc(id)).toEqual({ wallMs: 0x19a3b2c1d4e, counter: 0x2a, nodeId: NODE_A });
    expect(isHlc(id)).toBe(true);
  });

  it('sorts as strings exactly as compareHlc orders them', () => {
    const stamps = [
      { wallMs: T0, counter: 1, nodeId: NODE_B },
      { wallMs: T0, counter: 1, nodeId: NODE_A },
      { wallMs: T0 + 1, counter: 0, nodeId: NODE_A },
      { wallMs: T0, counter: 0x100, nodeId: NODE_A },
      { wallMs: 5, counter: 0, nodeId: NODE_B },
    ];
    const byString = stamps.map((s) => encodeHlc(s, s.nodeId)).sort();
    const byCompare = [...stamps].sort(compareHlc).map((s) => encodeHlc(s, s.nodeId));
    expect(byString).toEqual(byCompare);
    expect(compareHlc(byString[0], byString[0])).toBe(0);
  });

  it('breaks ties with the nodeId', () => {
    const a = encodeHlc({ wallMs: T0, counter: 0 }, NODE_A);
    const b = encodeHlc({ wallMs: T0, counter: 0 }, NODE_B);
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
  });

  it('rejects malformed timestamps', () => {
    expect(() => decodeHlc('not-a-clock')).toThrow(HlcFormatError);
    expect(() => decodeHlc('0000019a3b2c1d4e-0000-')).toThrow(HlcFormatError);
    expect(isHlc(42)).toBe(false);
    // isHlc holds exactly when decodeHlc succeeds: a wall time of 2^53 ms or more is no HLC (it
    // used to pass isHlc and then throw from decodeHlc inside the op check).
    const largest = encodeHlc({ wallMs: Number.MAX_SAFE_INTEGER, counter: 0 }, NODE_A);
    expect(isHlc(largest)).toBe(true);
    expect(decodeHlc(largest).wallMs).toBe(Number.MAX_SAFE_INTEGER);
    for (const wall of ['0020000000000000', 'ffffffffffffffff']) {
      expect(isHlc(`${wall}-0000-${NODE_A}`)).toBe(false);
      expect(() => decodeHlc(`${wall}-0000-${NODE_A}`)).toThrow(HlcFormatError);
    }
    expect(() => encodeHlc({ wallMs: T0, counter: HLC_MAX_COUNTER + 1 }, NODE_A)).toThrow(RangeError);
    expect(() => encodeHlc({ wallMs: T0, counter: 0 }, '')).toThrow(RangeError);
  });

  it('maxHlcState picks the later state', () => {
    expect(maxHlcState({ wallMs: 2, counter: 0 }, { wallMs: 1, counter: 9 })).toEqual({ wallMs: 2, counter: 0 });
    expect(maxHlcState({ wallMs: 2, counter: 1 }, { wallMs: 2, counter: 3 })).toEqual({ wallMs: 2, counter: 3 });
  });
});
