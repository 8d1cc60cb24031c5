/**
 * A Smithy 2.0 JSON AST small enough to read in a test: one service `ns#Svc` (SigV4) with one operation
 * `ns#Op` (input `ns#OpRequest` with a required `Id` string, output `ns#OpResponse` with a `Next` token, error
 * `ns#Oops`). `change` edits the shapes before the model is serialised, so each test states only what it breaks.
 */
export function tinySmithyModel(change: (shapes: Record<string, TinyShape>) => void = () => {}): string {
  const shapes: Record<string, TinyShape> = {
    'ns#Svc': {
      type: 'service',
      version: '2020-01-01',
      operations: [{ target: 'ns#Op' }],
      traits: { 'aws.auth#sigv4': { name: 'svc' } },
    },
    'ns#Op': {
      type: 'operation',
      input: { target: 'ns#OpRequest' },
      output: { target: 'ns#OpResponse' },
      errors: [{ target: 'ns#Oops' }],
      traits: { 'smithy.api#documentation': 'Does the one thing this tiny service does.' },
    },
    'ns#OpRequest': {
      type: 'structure',
      members: { Id: { target: 'ns#IdType', traits: { 'smithy.api#required': {} } } },
    },
    'ns#OpResponse': { type: 'structure', members: { Next: { target: 'ns#IdType' } } },
    'ns#IdType': { type: 'string', traits: { 'smithy.api#length': { min: 1, max: 8 } } },
    'ns#Oops': {
      type: 'structure',
      members: {},
      traits: { 'smithy.api#error': 'client' },
    },
  };
  change(shapes);
  return JSON.stringify({ smithy: '2.0', shapes });
}

/** A shape of {@link tinySmithyModel}, loosely typed so a test can break it. */
export type TinyShape = Record<string, unknown> & {
  members?: Record<string, { target: string; traits?: Record<string, unknown> }>;
  traits?: Record<string, unknown>;
};
