/**
 * Hybrid logical clock (Kulkarni et al., 2014) for oplog ids.
 *
 * DESIGN §Sync: "Office PCs have wrong clocks: HLC keeps causality; a large skew is a warning,
 * not a failure." The clock therefore never goes backwards (a machine clock set back keeps the
 * old wall time and counts up) and adopts a remote time from the future (so a later local edit
 * still wins over the remote one it has seen), reporting the skew instead of rejecting it.
 *
 * Pure functions on plain data: the renderer keeps the state, nothing here reads Date.now().
 */

export interface HlcState {
  /** Milliseconds since the epoch; the largest physical time seen (local or remote). */
  readonly wallMs: number;
  /** Logical counter ordering events that share `wallMs`. */
  readonly counter: number;
}

export interface HlcTimestamp extends HlcState {
  /** The node that produced the event; breaks ties so every op id is unique and ordered. */
  readonly nodeId: string;
}

export const HLC_WALL_HEX_DIGITS = 16;
export const HLC_COUNTER_HEX_DIGITS = 4;
export const HLC_MAX_COUNTER = 0xffff;
/** A skew above this (5 minutes) is worth telling the clerk about; it is never an error. */
export const HLC_SKEW_WARNING_MS = 5 * 60 * 1000;

export const initialHlcState: HlcState = Object.freeze({ wallMs: 0, counter: 0 });

export class HlcFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HlcFormatError';
  }
}

function assertTime(ms: number, what: string): void {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new RangeError(`${what} must be a non-negative integer of milliseconds, got ${ms}`);
}

/**
 * Counter overflow (more than 65,535 events in one millisecond, e.g. a 100k-row import) moves
 * the logical wall time one millisecond ahead instead of failing: order and uniqueness are kept
 * and the drift is bounded by the event rate.
 */
function normalise(wallMs: number, counter: number): HlcState {
  return counter > HLC_MAX_COUNTER ? { wallMs: wallMs + 1, counter: 0 } : { wallMs, counter };
}

/** A local event (a write): the next timestamp, strictly greater than `state`. */
export function tick(state: HlcState, nowMs: number): HlcState {
  assertTime(nowMs, 'nowMs');
  if (nowMs > state.wallMs) return { wallMs: nowMs, counter: 0 };
  // The machine clock stands still or went backwards: keep the wall time, count.
  return normalise(state.wallMs, state.counter + 1);
}

export interface ReceiveResult {
  /** The new local state, strictly greater than both `state` and the remote timestamp. */
  state: HlcState;
  /**
   * Remote wall time minus the local machine clock: positive when the remote node's clock (or
   * one it relayed) is ahead. Compare its magnitude with HLC_SKEW_WARNING_MS to warn.
   */
  skewMs: number;
}

/** Merge a timestamp seen in an imported op (DESIGN §Sync import) into the local clock. */
export function receive(state: HlcState, remote: HlcState | string, nowMs: number): ReceiveResult {
  assertTime(nowMs, 'nowMs');
  const r = typeof remote === 'string' ? decodeHlc(remote) : remote;
  assertTime(r.wallMs, 'remote wallMs');
  const wallMs = Math.max(state.wallMs, r.wallMs, nowMs);
  let counter: number;
  if (wallMs === state.wallMs && wallMs === r.wallMs) counter = Math.max(state.counter, r.counter) + 1;
  else if (wallMs === state.wallMs) counter = state.counter + 1;
  else if (wallMs === r.wallMs) counter = r.counter + 1;
  else counter = 0;
  return { state: normalise(wallMs, counter), skewMs: r.wallMs - nowMs };
}

/** How far the clock runs ahead of the machine clock (after receiving a future timestamp). */
export function clockDriftMs(state: HlcState, nowMs: number): number {
  return state.wallMs - nowMs;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * `0000019a3b2c1d4e-0000-<nodeId>`: fixed-width lowercase hex so that plain string order is
 * time order, which lets the oplog's primary key (opId) be an IndexedDB index in causal order.
 */
export function encodeHlc(state: HlcState, nodeId: string): string {
  assertTime(state.wallMs, 'wallMs');
  if (!Number.isInteger(state.counter) || state.counter < 0 || state.counter > HLC_MAX_COUNTER) {
    throw new RangeError(`counter out of range: ${state.counter}`);
  }
  if (!nodeId) throw new RangeError('nodeId is required');
  return `${hex(state.wallMs, HLC_WALL_HEX_DIGITS)}-${hex(state.counter, HLC_COUNTER_HEX_DIGITS)}-${nodeId}`;
}

const HLC_PATTERN = new RegExp(`^([0-9a-f]{${HLC_WALL_HEX_DIGITS}})-([0-9a-f]{${HLC_COUNTER_HEX_DIGITS}})-(.+)$`);

export function decodeHlc(text: string): HlcTimestamp {
  const m = HLC_PATTERN.exec(text);
  if (!m) throw new HlcFormatError(`无效的 HLC 时间戳：${text}`);
  const wallMs = parseInt(m[1], 16);
  if (!Number.isSafeInteger(wallMs)) throw new HlcFormatError(`HLC 时间戳超出范围：${text}`);
  return { wallMs, counter: parseInt(m[2], 16), nodeId: m[3] };
}

/** The first wall time decodeHlc cannot hold exactly (2^53 ms), as the 16 hex digits it starts with. */
const HLC_WALL_LIMIT = (2 ** 53).toString(16).padStart(HLC_WALL_HEX_DIGITS, '0');

/**
 * True exactly when decodeHlc(text) succeeds: the shape, and a wall time below 2^53 ms (fixed-width
 * lowercase hex, so plain string order compares it). A wall time beyond that used to pass here and
 * then throw HlcFormatError from decodeHlc inside the op check, instead of a refusal in Chinese.
 */
export function isHlc(text: unknown): text is string {
  return typeof text === 'string' && HLC_PATTERN.test(text) && text < HLC_WALL_LIMIT;
}

/** Total order: wall time, then counter, then nodeId (the tie-breaker of DESIGN §Sync). */
export function compareHlc(a: HlcTimestamp | string, b: HlcTimestamp | string): number {
  const x = typeof a === 'string' ? decodeHlc(a) : a;
  const y = typeof b === 'string' ? decodeHlc(b) : b;
  if (x.wallMs !== y.wallMs) return x.wallMs < y.wallMs ? -1 : 1;
  if (x.counter !== y.counter) return x.counter < y.counter ? -1 : 1;
  return x.nodeId < y.nodeId ? -1 : x.nodeId > y.nodeId ? 1 : 0;
}

/** The larger of two states (used to resume from the newest op in the oplog). */
export function maxHlcState(a: HlcState, b: HlcState): HlcState {
  if (a.wallMs !== b.wallMs) return a.wallMs > b.wallMs ? a : b;
  return a.counter >= b.counter ? a : b;
}
