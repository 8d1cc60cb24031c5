/**
 * Live resources and naming the suite supplies to fix-ups. Every field is optional except `uniqueName`:
 * a fix-up uses what is there and leaves members alone when their resource is unknown. Values are
 * assumed valid for the members they fill (a `userPoolId` matches the UserPoolId pattern, and so on).
 */
export interface FixupContext {
  readonly userPoolId?: string;
  readonly clientId?: string;
  /** The secret of `clientId`, when it has one: auth requests then carry SECRET_HASH. */
  readonly clientSecret?: string;
  readonly username?: string;
  readonly password?: string;
  readonly refreshToken?: string;
  /**
   * Live values of the other identifier kinds of the resource graph (`GroupName`, `ProviderName`, `AccessToken`,
   * `Session`, `DeviceKey`…), by kind, as the set-up made them.
   */
  readonly identifiers?: Readonly<Record<string, string>>;
  /** A Lambda function ARN to use for triggers; a well-formed placeholder is used when absent. */
  lambdaArn?(): string;
  /**
   * Resource-server scopes (`server/scope`) existing in the pool. The `client_credentials` OAuth flow
   * accepts only such scopes, so without them that flow is replaced by `code`.
   */
  readonly customScopes?: readonly string[];
  /** A name carrying the run's prefix, so everything a run creates can be found and deleted. */
  uniqueName(prefix: string): string;
}

/**
 * The meaning a request schema cannot express, for one operation: live ids substituted in, settings
 * made consistent with each other, well-formed ARNs and URLs. `apply` returns a new request (the input
 * is not modified) that is still valid against the operation's request schema.
 */
export interface RequestFixup {
  readonly operation: string;
  apply(request: Readonly<Record<string, unknown>>, context: FixupContext): Record<string, unknown>;
}
