/**
 * Knobs that keep generated requests small. Every value stays valid against the schema whatever the
 * options: they only decide how much optional content appears.
 */
export interface SchemaArbitraryOptions {
  /**
   * Deepest level at which optional members, extra array items and extra map entries still appear
   * (the request's own members are level 1). Deeper, only what the schema requires is generated.
   * Default 4.
   */
  readonly maxDepth?: number;
  /** Chance (0..1) that an optional member is present. Shrinking always removes it first. Default 0.4. */
  readonly optionalPresence?: number;
  /** Array items / map entries generated beyond `minItems` / `minProperties`. Default 2. */
  readonly maxExtraItems?: number;
  /** Characters generated beyond `minLength` (never beyond `maxLength`). Default 12. */
  readonly maxExtraLength?: number;
}
