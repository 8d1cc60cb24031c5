/**
 * Stage 7, the wire: the SDK client that captures every raw exchange (status, headers, body), a raw
 * awsJson1.1 sender for requests the SDK would not send, client-side rate limiting, and where a target is.
 */
export type { Sender } from './sender.ts';
export type { TargetCredentials, TargetDescriptor } from './target-descriptor.ts';
export { WireClient } from './wire-client.ts';
export type { CallResult, SdkErrorSummary, WireClientOptions } from './wire-client.ts';
export { projectSdkVersion, sdkEnumValues } from './sdk-knowledge.ts';
export { readWireRecording, recordWire } from './wire-recording.ts';
export type { RecordedExchange } from './wire-recording.ts';
