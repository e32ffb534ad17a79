import type { AuditStreamConfig } from '../../config/audit-stream-config.js';
import { CheckpointKeyError, checkpointSigner } from '../checkpoint-signature.js';
import type { AuditSink } from './audit-sink.js';
import { httpSink } from './http-sink.js';
import { segmentSink } from './segment-sink.js';

export type { Acknowledge, AuditSink, DeliveryReport, StreamEvent } from './audit-sink.js';
export { StreamLeaseLost } from './audit-sink.js';
export { startAuditStream, type AuditStream, type AuditStreamOptions } from './audit-streamer.js';
export { HTTP_PRESETS, STREAM_PRESETS, type StreamPreset } from './http-presets.js';
export { httpSink, type HttpSinkOptions } from './http-sink.js';
export { auditEventUid, chainName, chainOfName, DEFAULT_CHAIN, ocsfEventOf, type OcsfApiActivity, type StreamedRow, type WardenAttestation, type WithheldStreamedRow } from './ocsf-event.js';
export { segmentDirectoryProblem, segmentSink, type SegmentSinkOptions } from './segment-sink.js';
export { describeSegmentProblem, verifySegments, type SegmentProblem, type SegmentReport } from './verify-segments.js';

/**
 * The sinks WARDEN_AUDIT_STREAM_* configures. Segment seals are signed with
 * WARDEN_AUDIT_STREAM_SEGMENT_KEY, else the checkpoint key; a key that cannot sign throws
 * CheckpointKeyError, saying what to do, before anything starts.
 */
export function auditSinksFromConfig(stream: AuditStreamConfig, checkpointKey: string): AuditSink[] {
  const sinks: AuditSink[] = [];
  if (stream.http) {
    const { url, preset, token, headers, destination, batchEvents, batchBytes, timeoutMs } = stream.http;
    sinks.push(httpSink({ url, preset, token, headers, destination, batchEvents, batchBytes, timeoutMs }));
  }
  if (stream.segments) {
    const { directory, segmentRows, segmentMaxAgeMs, key } = stream.segments;
    sinks.push(segmentSink({ directory, segmentRows, segmentMaxAgeMs, signer: segmentSigner(key, checkpointKey) }));
  }
  return sinks;
}

/** The seals' signer; a segment key of its own that cannot sign is named as such. */
function segmentSigner(key: string | undefined, checkpointKey: string) {
  if (key === undefined) return checkpointSigner(checkpointKey);
  try {
    return checkpointSigner(key);
  } catch (error) {
    if (!(error instanceof CheckpointKeyError)) throw error;
    throw new CheckpointKeyError(`WARDEN_AUDIT_STREAM_SEGMENT_KEY cannot sign segment seals: ${error.message.replace('WARDEN_AUDIT_CHECKPOINT_KEY holds', 'it holds')}`);
  }
}
