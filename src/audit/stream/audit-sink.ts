import type { OcsfApiActivity } from './ocsf-event.js';

/** One row on its way out: its place in the chain and its event. */
export interface StreamEvent {
  seq: string;
  hash: string;
  prevHash: string;
  occurredAt: Date;
  event: OcsfApiActivity;
}

/**
 * Called by a sink with the last event of each part its receiver confirmed, in order; the
 * cursor moves there. Throws `StreamLeaseLost` when another streamer has taken the destination.
 */
export type Acknowledge = (upTo: StreamEvent) => Promise<void>;

/** What a sink says while delivering, besides acknowledging. */
export interface DeliveryReport {
  /** Something the operator should know though delivery went on: a warning in the log. */
  notice(message: string, fields: Record<string, unknown>): void;
  /** An event went to the receiver without some of its columns (`unmapped.warden.withheld`); counted. */
  withheld(event: StreamEvent): void;
}

/** Where a destination's events go: an HTTPS receiver, a directory of sealed segments, or an application's own. */
export interface AuditSink {
  /** Names the destination's cursor: change it and the destination starts again (WARDEN_AUDIT_STREAM_START). */
  destination: string;
  /** Says where events go without any credential, for the log. */
  description: string;
  /** Events read per pass at most. */
  batchEvents: number;
  /**
   * Whether to deliver now or wait for more (a segment waiting to fill up), told how many rows
   * wait (at most `batchEvents`) and when the oldest was written; asked before any row is read.
   * `stopping`: the gateway is stopping, deliver what there is. @default always now
   */
  deliverNow?(waiting: { rows: number; oldest: Date }, now: Date, stopping: boolean): boolean;
  /**
   * Delivers the events in order, in as many parts as the receiver's limits ask, calling
   * `acknowledge` after each part it confirmed. Throws (with a message free of credentials)
   * when a part was not confirmed: the pass ends there and is tried again later. `report`:
   * where to say what the operator should know though delivery went on.
   */
  deliver(events: readonly StreamEvent[], acknowledge: Acknowledge, report?: DeliveryReport): Promise<void>;
}

/** Another streamer took the destination over: this one stops its pass. */
export class StreamLeaseLost extends Error {}
