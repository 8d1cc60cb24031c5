import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperationSpecs, specFor } from '../spec/index.ts';
import { sdkEnumValues, WireClient } from '../wire/index.ts';
import { checkSdkParse } from './sdk-parse.ts';

/**
 * The sdk-parse check on what the real SDK (the pinned `@aws-sdk/client-cognito-identity-provider`) made of
 * canned answers: a local HTTP server answers each request with the status and body queued for it.
 */
let server: Server;
let wire: WireClient;
const queue: { status: number; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const next = queue.shift() ?? { status: 500, body: '' };
      response.writeHead(next.status, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'canned',
        'content-length': Buffer.byteLength(next.body),
      });
      response.end(next.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  wire = new WireClient({
    kind: 'endpoint',
    name: 'canned',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'canned-secret' },
  });
});

afterAll(async () => {
  wire.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const spec = specFor(loadOperationSpecs(), 'DescribeUserPool');
const sdk = { enumValues: sdkEnumValues };

/** What the check finds when the target answers DescribeUserPool with `status` and `body`. */
async function findingsFor(status: number, body: unknown, raw = false) {
  queue.push({ status, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const input = { UserPoolId: 'us-east-1_AbCdEf123' };
  const result = raw
    ? await wire.sendRaw('DescribeUserPool', input)
    : await wire.send('DescribeUserPool', input);
  return checkSdkParse(spec, result, sdk);
}

const POOL = {
  Id: 'us-east-1_AbCdEf123',
  Name: 'pool',
  Status: 'Enabled',
  CreationDate: 1_700_000_000.123,
  LastModifiedDate: 1_700_000_001,
  EstimatedNumberOfUsers: 0,
  Policies: { PasswordPolicy: { MinimumLength: 8, RequireUppercase: true } },
  SchemaAttributes: [{ Name: 'email', AttributeDataType: 'String', Mutable: true }],
  UserPoolTags: { team: 'a' },
};

describe('checkSdkParse on what the SDK read', () => {
  it('finds nothing in a well-formed answer, epoch seconds read as Dates included', async () => {
    expect(await findingsFor(200, { UserPool: POOL })).toEqual([]);
    expect(await findingsFor(200, { UserPool: POOL }, true)).toEqual([]);
  });

  it('an answer the SDK cannot read (a timestamp as an ISO string) is unreadable, severity error', async () => {
    const findings = await findingsFor(200, { UserPool: { ...POOL, CreationDate: '2023-11-14T22:13:20Z' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'unreadable', severity: 'error', path: '' });
    expect(String(findings[0]?.actual)).toMatch(/^TypeError/);
  });

  it('a body that is not JSON on a 200 is unreadable too', async () => {
    const findings = await findingsFor(200, '{"UserPool": {');
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['unreadable', 'error']]);
  });

  it('a timestamp as a numeric string is converted to a Date: a warning with both values', async () => {
    const findings = await findingsFor(200, { UserPool: { ...POOL, CreationDate: '1700000000' } });
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'converted',
        severity: 'warning',
        path: '/UserPool/CreationDate',
        expected: '1700000000',
        actual: 'Date(2023-11-14T22:13:20.000Z)',
        message: 'the SDK converted /UserPool/CreationDate from a string to a Date',
      }),
    ]);
  });

  it('null where a structure belongs is a member the SDK output lacks', async () => {
    const findings = await findingsFor(200, { UserPool: { ...POOL, Policies: null } });
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'missing-member', severity: 'warning', path: '/UserPool/Policies' }),
    ]);
  });

  it('a member no document defines, which the SDK drops, is no finding; one the current reference adds is kept', async () => {
    // The response-schema check notes the unknown member; the SDK is right to drop it.
    expect(await findingsFor(200, { UserPool: { ...POOL, Colour: 'blue' } })).toEqual([]);
    // DeletionProtection is a later member (current reference): the SDK keeps it, so nothing is lost.
    expect(await findingsFor(200, { UserPool: { ...POOL, DeletionProtection: 'ACTIVE' } })).toEqual([]);
  });

  it('never puts a wire value in a message, where redaction does not look (a token, a secret)', async () => {
    const secret = 'opaqueRefreshTokenValue0123456789';
    const findings = await findingsFor(200, {
      UserPool: { ...POOL, Name: [secret], Policies: null },
      AuthenticationResult: { RefreshToken: secret },
      Secret: secret,
    });
    expect(findings.length).toBeGreaterThanOrEqual(1);
    for (const finding of findings) expect(finding.message).not.toContain(secret);
    const unreadable = await findingsFor(200, `{"UserPool": {"RefreshToken": ${secret}}}`);
    expect(unreadable.map((f) => f.kind)).toEqual(['unreadable']);
    expect(JSON.stringify(unreadable)).not.toContain(secret.slice(0, 10));
  });

  it('an array where a structure belongs comes out as another value', async () => {
    const findings = await findingsFor(200, { UserPool: { ...POOL, Policies: ['x'] } });
    expect(findings.map((f) => [f.kind, f.path, f.actual, f.message])).toEqual([
      [
        'converted',
        '/UserPool/Policies',
        {},
        'the SDK converted /UserPool/Policies from an array of 1 to an object',
      ],
    ]);
  });

  it('an enum value the SDK does not know is passed on, and reported with what it knows', async () => {
    const findings = await findingsFor(200, {
      UserPool: { ...POOL, Status: 'Active', SchemaAttributes: [{ Name: 'x', AttributeDataType: 'Text' }] },
    });
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'enum-value',
        severity: 'warning',
        message: 'the SDK passed on a value at /UserPool/Status that its StatusType does not know',
        path: '/UserPool/Status',
        expected: { enum: ['Disabled', 'Enabled'] },
        actual: 'Active',
      }),
      expect.objectContaining({
        kind: 'enum-value',
        path: '/UserPool/SchemaAttributes/0/AttributeDataType',
        actual: 'Text',
      }),
    ]);
  });

  it('a map value is not mistaken for an enum member, whatever its key', async () => {
    const findings = await findingsFor(200, { UserPool: { ...POOL, UserPoolTags: { Status: 'Active' } } });
    expect(findings).toEqual([]);
  });

  it('a renamed error __type the SDK cannot map to its exception class is a warning at /__type', async () => {
    const findings = await findingsFor(400, { __type: 'NoSuchPool', message: 'gone' });
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'wrong-error',
        severity: 'warning',
        path: '/__type',
        actual: { __type: 'NoSuchPool', sdkError: 'NoSuchPool' },
      }),
    ]);
  });

  it('modeled errors (with or without a namespace) and the protocol validation errors are mapped or allowed', async () => {
    expect(await findingsFor(400, { __type: 'ResourceNotFoundException', message: 'm' })).toEqual([]);
    expect(
      await findingsFor(400, {
        __type: 'com.amazonaws.cognitoidentityprovider#ResourceNotFoundException',
        message: 'm',
      }),
    ).toEqual([]);
    expect(await findingsFor(400, { __type: 'SerializationException', message: 'm' })).toEqual([]);
  });

  it('judges nothing when no response arrived', () => {
    const findings = checkSdkParse(
      spec,
      {
        exchange: {
          operation: 'DescribeUserPool',
          request: {},
          requestHeaders: {},
          status: 0,
          headers: {},
          bodyText: '',
          ms: 0,
          transportError: 'ECONNREFUSED',
        },
        error: { name: 'Error', modeled: false, service: false },
      },
      sdk,
    );
    expect(findings).toEqual([]);
  });
});
