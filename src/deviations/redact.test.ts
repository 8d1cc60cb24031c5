import { describe, expect, it } from 'vitest';
import { committedSpecMembers } from './spec-members.ts';
import {
  isRedactionExempt,
  isSecretMember,
  redactKnownSecrets,
  redactSecrets,
  redactString,
} from './redact.ts';
import { UNKNOWN_CLIENT_ID, UNKNOWN_USER_POOL_ID } from './unknown-ids.ts';

const JWT = 'eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';

describe('redactSecrets on objects', () => {
  it('redacts password members of every spelling the API uses, and user names (sensitive in the model)', () => {
    const input = {
      Password: 'p1',
      ProposedPassword: 'p2',
      PreviousPassword: 'p3',
      TemporaryPassword: 'p4',
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'p5', SECRET_HASH: 'h' },
      ChallengeResponses: { NEW_PASSWORD: 'p6' },
      PasswordPolicy: { MinimumLength: 8 },
    };
    expect(redactSecrets(input)).toEqual({
      Password: '<redacted:Password>',
      ProposedPassword: '<redacted:ProposedPassword>',
      PreviousPassword: '<redacted:PreviousPassword>',
      TemporaryPassword: '<redacted:TemporaryPassword>',
      AuthParameters: {
        USERNAME: '<redacted:USERNAME>',
        PASSWORD: '<redacted:PASSWORD>',
        SECRET_HASH: '<redacted:SECRET_HASH>',
      },
      // The model marks the whole map sensitive (ChallengeResponsesType).
      ChallengeResponses: '<redacted:ChallengeResponses>',
      PasswordPolicy: { MinimumLength: 8 },
    });
  });

  it('redacts tokens, sessions, client secrets and AWS credentials', () => {
    const input = {
      AuthenticationResult: { AccessToken: 'a', IdToken: 'b', RefreshToken: 'c', ExpiresIn: 3600 },
      AuthParameters: { REFRESH_TOKEN: 'd' },
      Session: 'e',
      UserPoolClient: { ClientId: 'x', ClientName: 'y', ClientSecret: 'f' },
      Credentials: { AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', SecretAccessKey: 'g', SessionToken: 'h' },
      headers: { authorization: 'AWS4-HMAC-SHA256 ...', 'x-amz-security-token': 'i' },
      nothing: null,
    };
    const out = redactSecrets(input);
    expect(JSON.stringify(out)).not.toMatch(/"(a|b|c|d|e|f|g|h|i|AKIAIOSFODNN7EXAMPLE)"/);
    expect(out.AuthenticationResult.ExpiresIn).toBe(3600);
    // The model marks ClientIdType sensitive, and the spec carries that: redacted too; ClientName is not.
    expect(out.UserPoolClient.ClientId).toBe('<redacted:ClientId>');
    expect(out.UserPoolClient.ClientName).toBe('y');
    expect(out.Credentials.SecretAccessKey).toBe('<redacted:SecretAccessKey>');
    expect(out.nothing).toBeNull();
  });

  it('redacts JWT-looking strings and access key ids anywhere', () => {
    expect(redactSecrets({ note: `got ${JWT} with AKIAIOSFODNN7EXAMPLE`, list: [JWT] })).toEqual({
      note: 'got <redacted:jwt> with <redacted:aws-access-key-id>',
      list: ['<redacted:jwt>'],
    });
  });

  it("redacts a deviation's expected/actual when its path ends in a secret member", () => {
    const deviation = {
      path: '/AuthenticationResult/RefreshToken',
      expected: 'non-empty',
      actual: 'opaque-refresh',
      message: 'm',
    };
    expect(redactSecrets(deviation)).toMatchObject({
      expected: '<redacted:RefreshToken>',
      actual: '<redacted:RefreshToken>',
    });
    const other = { path: '/UserPool/Name', expected: 'x', actual: 'y' };
    expect(redactSecrets(other)).toEqual(other);
  });

  it("keeps the suite's public unknown client id under ClientId, and nothing else", () => {
    // A made-up id, the same in every run and in the source: hiding it hides nothing, and a report needs it to
    // say which id of an error-shape request named nothing.
    const request = {
      UserPoolId: UNKNOWN_USER_POOL_ID,
      ClientId: UNKNOWN_CLIENT_ID,
      Other: { ClientId: 'aaaaaaaaaaaaaaaaaaaaaaaaa1' },
      ClientSecret: UNKNOWN_CLIENT_ID,
      AuthParameters: { PASSWORD: UNKNOWN_CLIENT_ID },
    };
    expect(redactSecrets(request)).toEqual({
      UserPoolId: UNKNOWN_USER_POOL_ID,
      ClientId: UNKNOWN_CLIENT_ID,
      Other: { ClientId: '<redacted:ClientId>' },
      ClientSecret: '<redacted:ClientSecret>',
      AuthParameters: { PASSWORD: '<redacted:PASSWORD>' },
    });
    const path = '/UserPoolClient/ClientId';
    expect(redactSecrets({ path, expected: UNKNOWN_CLIENT_ID, actual: 'a-real-client-id' })).toEqual({
      path,
      expected: UNKNOWN_CLIENT_ID,
      actual: '<redacted:ClientId>',
    });
    expect(redactString(`'{"ClientId":"${UNKNOWN_CLIENT_ID}","X":1}' --client-id ${UNKNOWN_CLIENT_ID}`)).toBe(
      `'{"ClientId":"${UNKNOWN_CLIENT_ID}","X":1}' --client-id ${UNKNOWN_CLIENT_ID}`,
    );
    expect(redactString(`'{"ClientId":"${UNKNOWN_CLIENT_ID}0"}' --client-id "abc${UNKNOWN_CLIENT_ID}"`)).toBe(
      `'{"ClientId":"<redacted:ClientId>"}' --client-id <redacted:client-id>`,
    );
    expect(isRedactionExempt('client_id', UNKNOWN_CLIENT_ID)).toBe(true);
    expect(isRedactionExempt('ClientSecret', UNKNOWN_CLIENT_ID)).toBe(false);
  });

  it('redacts a secret member of any type: a number, an object (the target may send one)', () => {
    const deviation = {
      path: '/UserPoolClient/ClientSecret',
      expected: 987654321098,
      actual: { a: 'x' },
      message: 'the SDK converted /UserPoolClient/ClientSecret from a number to a string',
    };
    expect(redactSecrets(deviation)).toEqual({
      ...deviation,
      expected: '<redacted:ClientSecret>',
      actual: '<redacted:ClientSecret>',
    });
    expect(redactSecrets({ AuthenticationResult: { RefreshToken: 987654321012345 } })).toEqual({
      AuthenticationResult: { RefreshToken: '<redacted:RefreshToken>' },
    });
  });

  it('does not mutate its input', () => {
    const input = { Password: 'p' };
    redactSecrets(input);
    expect(input.Password).toBe('p');
  });
});

describe('redactString', () => {
  it('redacts members of JSON inlined in a command', () => {
    const command = `npx cognito-conformance replay --request '{"Username":"alice","Password":"hunter2!","AuthParameters":{"SECRET_HASH":"abc="}}'`;
    expect(redactString(command)).toBe(
      `npx cognito-conformance replay --request '{"Username":"<redacted:Username>","Password":"<redacted:Password>","AuthParameters":{"SECRET_HASH":"<redacted:SECRET_HASH>"}}'`,
    );
  });

  it('leaves a shell variable under a secret flag: a script passes what its set-up made', () => {
    expect(redactString('idp admin-get-user --username "$USERNAME_1" --password hunter2')).toBe(
      'idp admin-get-user --username "$USERNAME_1" --password <redacted:password>',
    );
  });

  it('redacts escaped JSON, assignments and flags', () => {
    expect(redactString('--request "{\\"Session\\": \\"s3ss\\", \\"A\\": \\"b\\"}"')).toBe(
      '--request "{\\"Session\\": \\"<redacted:Session>\\", \\"A\\": \\"b\\"}"',
    );
    expect(redactString('AWS_SECRET_ACCESS_KEY=wJalr AWS_REGION=us-east-1')).toBe(
      'AWS_SECRET_ACCESS_KEY=<redacted:AWS_SECRET_ACCESS_KEY> AWS_REGION=us-east-1',
    );
    expect(redactString('run --client-secret s3cr3t --seed 4')).toBe(
      'run --client-secret <redacted:client-secret> --seed 4',
    );
    expect(redactString('Signature=' + 'a'.repeat(64))).toBe('Signature=<redacted:signature>');
  });

  it('redacts a secret member whose value is not a JSON string: a number, or bare text in a body that is not JSON', () => {
    expect(redactString('{"RefreshToken": 987654321012345, "ExpiresIn": 3600}')).toBe(
      '{"RefreshToken": "<redacted:RefreshToken>", "ExpiresIn": 3600}',
    );
    expect(redactString('{"AuthenticationResult": {"AccessToken": zzLEAKbadjsonF9q1}')).toBe(
      '{"AuthenticationResult": {"AccessToken": "<redacted:AccessToken>"}',
    );
    expect(redactString('{"Session": null, "Name": 42}')).toBe('{"Session": null, "Name": 42}');
  });

  it('leaves ordinary text alone', () => {
    expect(redactString('Password must be at least 8 characters')).toBe(
      'Password must be at least 8 characters',
    );
    expect(isSecretMember('PasswordPolicy')).toBe(false);
    expect(isSecretMember('new-password')).toBe(true);
  });
});

describe('redactKnownSecrets', () => {
  it('replaces raw and JSON-escaped occurrences, longest first', () => {
    const text = 'pw=Abc"123 json="Abc\\"123" secret=topsecret-long and topsecret';
    expect(redactKnownSecrets(text, ['Abc"123', 'topsecret', 'topsecret-long'])).toBe(
      'pw=<redacted:known-secret> json="<redacted:known-secret>" secret=<redacted:known-secret> and <redacted:known-secret>',
    );
  });

  it('ignores empty and very short values', () => {
    expect(redactKnownSecrets('a b c', ['', 'a'])).toBe('a b c');
  });
});

describe('which members are secret', () => {
  it('takes every member the specs mark sensitive, and the protocol secrets no spec marks', () => {
    const sensitive = [...committedSpecMembers().sensitive];
    expect(sensitive).toEqual(expect.arrayContaining(['ClientId', 'ClientSecret', 'AccessToken', 'IdToken']));
    for (const member of sensitive) expect(isSecretMember(member)).toBe(true);
    for (const member of ['SECRET_HASH', 'PASSWORD', 'NEW_PASSWORD', 'Session', 'x-amz-security-token'])
      expect(isSecretMember(member)).toBe(true);
    // The model marks user names sensitive (UsernameType), so USERNAME, however spelled, is a secret too.
    for (const member of ['Username', 'USERNAME']) expect(isSecretMember(member)).toBe(true);
    for (const member of ['ClientName', 'PasswordPolicy', 'GroupName', 'UserPoolId'])
      expect(isSecretMember(member)).toBe(false);
  });
});
