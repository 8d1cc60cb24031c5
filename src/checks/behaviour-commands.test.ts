import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../protocol/index.ts';
import type { CallResult, Sender } from '../wire/index.ts';
import { AdminGetUser, CreateUser, SetEnabled } from './behaviour-commands.ts';
import { AnswerNewPassword, GetUser, SignIn, SignInUnknown, SignOut } from './behaviour-sign-in.ts';
import { UpdateClientNameOnly } from './behaviour-settings.ts';
import {
  type BehaviourModel,
  type BehaviourWorld,
  type ClientModel,
  newBehaviourWorld,
} from './behaviour-model.ts';

/** A JWT of `claims` (unsigned: the behaviour check reads claims; signatures are the auth check's). */
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'k' })}.${part(claims)}.c2ln`;
}

type Answer = { status: number; body?: Record<string, unknown> };

/** A sender that answers each operation from `script` (a function of the request), recording what was sent. */
function scripted(script: (operation: string, request: Record<string, unknown>) => Answer): Sender & {
  sent: { operation: string; request: Record<string, unknown> }[];
} {
  const sent: { operation: string; request: Record<string, unknown> }[] = [];
  return {
    sent,
    async send(operation, request) {
      sent.push({ operation, request: request as Record<string, unknown> });
      const answer = script(operation, request as Record<string, unknown>);
      const exchange: Exchange = {
        operation,
        request,
        requestHeaders: {},
        status: answer.status,
        headers: {},
        bodyText: JSON.stringify(answer.body ?? {}),
        body: answer.body ?? {},
        ms: 1,
      };
      return { exchange } satisfies CallResult;
    },
  };
}

const CLIENTS: ClientModel[] = [
  {
    clientId: 'client0',
    accessSeconds: 5400,
    idSeconds: 7200,
    lifetimeRule: 'token-validity-follows-client',
    preventUserExistenceErrors: 'ENABLED',
    readsCustom: true,
  },
  {
    clientId: 'client1',
    clientSecret: 'secret',
    accessSeconds: 3600,
    idSeconds: 3600,
    lifetimeRule: 'token-validity-defaults',
    preventUserExistenceErrors: 'LEGACY',
    readsCustom: false,
  },
];

function world(sender: Sender): BehaviourWorld {
  return newBehaviourWorld(
    sender,
    {
      id: 'us-east-1_pool',
      minimumLength: 12,
      requiredAttribute: 'name',
      mutableCustom: 'custom:team',
      immutableCustom: 'custom:badge',
      group: 'cc-g',
    },
    CLIENTS,
    { name: (part) => `cc-${part}`, adoptPool: () => undefined, forgetPool: () => undefined },
  );
}

function emptyModel(): BehaviourModel {
  return { users: [] };
}

/** The tokens a documented Cognito issues for `user` with app client 0 (lifetimes 5400 s and 7200 s). */
function tokensFor(attributes: Record<string, unknown>, lifetimes = { access: 5400, id: 7200 }): Answer {
  const iat = 1_800_000_000;
  return {
    status: 200,
    body: {
      AuthenticationResult: {
        AccessToken: jwt({
          iat,
          exp: iat + lifetimes.access,
          scope: 'aws.cognito.signin.user.admin',
          token_use: 'access',
        }),
        IdToken: jwt({ iat, exp: iat + lifetimes.id, token_use: 'id', ...attributes }),
        RefreshToken: 'opaque-refresh',
        ExpiresIn: lifetimes.access,
        TokenType: 'Bearer',
      },
    },
  };
}

const ATTRIBUTES_OF_USER_1 = {
  name: 'Name 1',
  given_name: 'Given1',
  family_name: 'Family1',
  preferred_username: 'preferred1',
  'custom:team': 'team1',
  'custom:badge': 'badge1',
  email_verified: true,
};

/** Runs `commands` in order, as fast-check would, on a fresh model. */
async function run(sender: Sender, commands: fc.AsyncCommand<BehaviourModel, BehaviourWorld>[]) {
  const w = world(sender);
  const model = emptyModel();
  await fc.asyncModelRun(() => ({ model, real: w }), commands);
  return {
    w,
    model,
    rules: (finding: { finding: { rule?: { name: string } } }) => finding.finding.rule?.name,
  };
}

describe('behaviour commands', () => {
  it('a disabled user that still gets tokens is a state finding at the sign-in, under disabled-user-cannot-sign-in', async () => {
    const sender = scripted((operation) => {
      if (operation === 'AdminCreateUser')
        return { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } };
      if (operation === 'InitiateAuth') return tokensFor(ATTRIBUTES_OF_USER_1);
      return { status: 200 };
    });
    const { w } = await run(sender, [
      new CreateUser('admin-permanent'),
      new SetEnabled(0, false),
      new SignIn(0, 'InitiateAuth', 0),
    ]);
    expect(w.findings.map((f) => [f.check, f.finding.kind, f.finding.path, f.finding.rule?.name])).toEqual([
      ['behaviour:InitiateAuth', 'state', '/AuthenticationResult', 'disabled-user-cannot-sign-in'],
    ]);
    expect(w.findings[0]?.finding.rule?.source).toEqual([
      'com.amazonaws.cognitoidentityprovider#AdminDisableUser',
    ]);
    expect(w.rules.get('disabled-user-cannot-sign-in')).toEqual({ broken: true });
  });

  it('a documented answer to every step finds nothing: challenge, new password, tokens with every claim', async () => {
    const sender = scripted((operation, request) => {
      if (operation === 'AdminCreateUser')
        return { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } };
      if (operation === 'InitiateAuth')
        return {
          status: 200,
          body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'session-1', ChallengeParameters: {} },
        };
      if (operation === 'RespondToAuthChallenge') {
        if (request['Session'] !== 'session-1')
          return { status: 400, body: { __type: 'NotAuthorizedException', message: 'Invalid session' } };
        return tokensFor(ATTRIBUTES_OF_USER_1);
      }
      return { status: 200 };
    });
    const { w, model } = await run(sender, [
      new CreateUser('admin-temporary'),
      new SignIn(0, 'InitiateAuth', 0),
      // A challenge of InitiateAuth is answered through RespondToAuthChallenge, not its admin form.
      new AnswerNewPassword(0, true, 'valid'),
      new AnswerNewPassword(0, false, 'altered'),
      new AnswerNewPassword(0, false, 'valid'),
    ]);
    expect(w.findings).toEqual([]);
    expect(model.users[0]?.status).toBe('CONFIRMED');
    expect(sender.sent.map((sent) => sent.operation)).not.toContain('AdminRespondToAuthChallenge');
    expect([...w.rules.keys()].sort()).toEqual([
      'access-token-scope',
      'admin-create-gives-force-change-password',
      'challenge-wrong-session-refused',
      'id-token-carries-attributes',
      'new-password-answer-gives-tokens',
      'temporary-password-gets-new-password-challenge',
      'token-validity-follows-client',
    ]);
  });

  it('tokens instead of NEW_PASSWORD_REQUIRED, and an ID token without the profile attributes, are findings of their rules', async () => {
    const sender = scripted((operation) => {
      if (operation === 'AdminCreateUser')
        return { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } };
      if (operation === 'AdminInitiateAuth') return tokensFor({});
      return { status: 200 };
    });
    const { w } = await run(sender, [
      new CreateUser('admin-temporary'),
      new SignIn(0, 'AdminInitiateAuth', 0),
    ]);
    // One difference, one finding: the tokens (not also the missing challenge and Session).
    expect(w.findings.map((f) => [f.finding.path, f.finding.rule?.name])).toEqual([
      ['/AuthenticationResult', 'temporary-password-gets-new-password-challenge'],
    ]);

    const confirmed = scripted((operation) =>
      operation === 'InitiateAuth'
        ? tokensFor({ name: 'Name 1', email_verified: 'true' }, { access: 3600, id: 86_400 })
        : { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } },
    );
    const second = await run(confirmed, [
      new CreateUser('admin-permanent'),
      new SignIn(0, 'InitiateAuth', 0),
    ]);
    expect(second.w.findings.map((f) => [f.finding.path, f.finding.rule?.name])).toEqual([
      ['/AuthenticationResult/IdToken/given_name', 'id-token-carries-attributes'],
      ['/AuthenticationResult/IdToken/family_name', 'id-token-carries-attributes'],
      ['/AuthenticationResult/IdToken/preferred_username', 'id-token-carries-attributes'],
      ['/AuthenticationResult/IdToken/custom:team', 'id-token-carries-attributes'],
      ['/AuthenticationResult/IdToken/custom:badge', 'id-token-carries-attributes'],
      ['/AuthenticationResult/AccessToken/exp', 'token-validity-follows-client'],
      ['/AuthenticationResult/IdToken/exp', 'token-validity-follows-client'],
      ['/AuthenticationResult/ExpiresIn', 'token-validity-follows-client'],
    ]);
    // Neither a token nor an attribute value (sensitive in the model) reaches a finding; whether one is there does.
    expect(JSON.stringify(second.w.findings)).not.toMatch(
      /eyJ|Given1|Family1|preferred1|team1|badge1|Name 1/,
    );
    expect(second.w.findings[0]?.finding).toMatchObject({ expected: 'the value last written', actual: null });
  });

  it('an access token still accepted after GlobalSignOut is a token finding at GetUser', async () => {
    const sender = scripted((operation) => {
      if (operation === 'AdminCreateUser')
        return { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } };
      if (operation === 'InitiateAuth') return tokensFor(ATTRIBUTES_OF_USER_1);
      if (operation === 'GetUser')
        return { status: 200, body: { Username: 'u', UserAttributes: [{ Name: 'name', Value: 'Name 1' }] } };
      return { status: 200 };
    });
    const { w } = await run(sender, [
      new CreateUser('admin-permanent'),
      new SignIn(0, 'InitiateAuth', 0),
      new SignOut(0, false),
      new GetUser(0),
    ]);
    expect(w.findings.map((f) => [f.check, f.finding.kind, f.finding.path, f.finding.rule?.name])).toEqual([
      ['behaviour:GetUser', 'token', '/$status', 'global-sign-out-revokes-tokens'],
    ]);
  });

  it('UpdateUserPoolClient that keeps omitted settings is judged at UpdateUserPoolClient; one that resets them is not', async () => {
    const kept = {
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      RefreshTokenValidity: 10,
      ReadAttributes: ['email'],
    };
    const reset = {
      ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
      RefreshTokenValidity: 30,
    };
    for (const [described, expected] of [
      [
        kept,
        [
          '/UserPoolClient/ExplicitAuthFlows',
          '/UserPoolClient/RefreshTokenValidity',
          '/UserPoolClient/ReadAttributes',
        ],
      ],
      [reset, []],
    ] as const) {
      const sender = scripted((operation) => {
        if (operation === 'CreateUserPoolClient')
          return { status: 200, body: { UserPoolClient: { ClientId: 'c9' } } };
        if (operation === 'DescribeUserPoolClient')
          return { status: 200, body: { UserPoolClient: { ClientId: 'c9', ...described } } };
        return { status: 200 };
      });
      const { w } = await run(sender, [new UpdateClientNameOnly()]);
      expect(w.findings.map((f) => f.finding.path)).toEqual(expected);
      expect(w.findings.every((f) => f.check === 'behaviour:UpdateUserPoolClient')).toBe(true);
      expect(w.rules.has('update-client-resets-omitted-settings')).toBe(true);
      // The client of its own is deleted again.
      expect(sender.sent.map((s) => s.operation)).toContain('DeleteUserPoolClient');
    }
  });

  it('an altered Session the target accepts is one finding, and the model stops predicting that user (no cascade)', async () => {
    const sender = scripted((operation) => {
      if (operation === 'AdminCreateUser')
        return { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } };
      if (operation === 'InitiateAuth')
        return { status: 200, body: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'session-1' } };
      if (operation === 'RespondToAuthChallenge') return tokensFor(ATTRIBUTES_OF_USER_1);
      if (operation === 'AdminGetUser')
        return { status: 200, body: { UserStatus: 'CONFIRMED', Enabled: true } };
      return { status: 200 };
    });
    const { w, model } = await run(sender, [
      new CreateUser('admin-temporary'),
      new SignIn(0, 'InitiateAuth', 0),
      new AnswerNewPassword(0, false, 'altered'),
      new AdminGetUser(0),
      new SignIn(0, 'InitiateAuth', 0),
    ]);
    expect(w.findings.map((f) => [f.check, f.finding.path, f.finding.rule?.name])).toEqual([
      ['behaviour:RespondToAuthChallenge', '/AuthenticationResult', 'challenge-wrong-session-refused'],
    ]);
    expect(model.users[0]?.unknown).toBeDefined();
    expect(sender.sent.map((sent) => sent.operation)).not.toContain('AdminGetUser');
  });

  it('takes any 4xx where no document names the error, and rules out only what a setting rules out', async () => {
    const refusing = (type: string) =>
      scripted((operation) => {
        if (operation === 'AdminCreateUser')
          return { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } };
        if (operation.endsWith('InitiateAuth')) return { status: 400, body: { __type: type, message: 'no' } };
        return { status: 200 };
      });
    // A disabled user refused with an error no document names: the rule holds.
    const disabled = await run(refusing('InvalidParameterException'), [
      new CreateUser('admin-permanent'),
      new SetEnabled(0, false),
      new SignIn(0, 'InitiateAuth', 0),
    ]);
    expect(disabled.w.findings).toEqual([]);
    expect(disabled.w.rules.get('disabled-user-cannot-sign-in')).toEqual({ broken: false });
    // An unknown user: ENABLED rules out UserNotFoundException (and only it); LEGACY wants it.
    const revealing = await run(refusing('UserNotFoundException'), [
      new SignInUnknown('InitiateAuth', 0),
      new SignInUnknown('InitiateAuth', 1),
    ]);
    expect(revealing.w.findings.map((f) => [f.finding.path, f.finding.actual])).toEqual([
      ['/__type', 'UserNotFoundException'],
    ]);
    const hiding = await run(refusing('NotAuthorizedException'), [
      new SignInUnknown('InitiateAuth', 0),
      new SignInUnknown('InitiateAuth', 1),
    ]);
    expect(hiding.w.findings.map((f) => [f.finding.path, f.finding.expected])).toEqual([
      ['/__type', 'UserNotFoundException'],
    ]);
  });

  it('leaves a missing ExpiresIn to the auth check: only a value that disagrees is a lifetime finding', async () => {
    const answer = tokensFor(ATTRIBUTES_OF_USER_1);
    const result = (answer.body as { AuthenticationResult: Record<string, unknown> }).AuthenticationResult;
    delete result['ExpiresIn'];
    const sender = scripted((operation) =>
      operation === 'InitiateAuth'
        ? answer
        : { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } },
    );
    const { w } = await run(sender, [new CreateUser('admin-permanent'), new SignIn(0, 'InitiateAuth', 0)]);
    expect(w.findings).toEqual([]);
    expect(w.rules.get('token-validity-follows-client')).toEqual({ broken: false });

    // Tokens without iat (moto's): no lifetime to measure, which is the auth check's finding; ExpiresIn still counts.
    const iatless = tokensFor(ATTRIBUTES_OF_USER_1, { access: 3600, id: 3600 });
    const auth = (iatless.body as { AuthenticationResult: Record<string, string> }).AuthenticationResult;
    for (const member of ['AccessToken', 'IdToken']) {
      const [header, payload, signature] = (auth[member] as string).split('.');
      const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      delete claims['iat'];
      auth[member] = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    }
    const moto = await run(
      scripted((operation) =>
        operation === 'InitiateAuth'
          ? iatless
          : { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } },
      ),
      [new CreateUser('admin-permanent'), new SignIn(0, 'InitiateAuth', 0)],
    );
    expect(moto.w.findings.map((f) => [f.finding.path, f.finding.actual])).toEqual([
      ['/AuthenticationResult/ExpiresIn', 3600],
    ]);
  });

  it('a short password the target accepts is accepted-invalid, and the model stops predicting that user', async () => {
    const sender = scripted((operation) =>
      operation === 'AdminCreateUser'
        ? { status: 200, body: { User: { UserStatus: 'FORCE_CHANGE_PASSWORD' } } }
        : { status: 200 },
    );
    const { w, model } = await run(sender, [
      new CreateUser('admin-temporary', false, true),
      new SignIn(0, 'InitiateAuth', 0),
    ]);
    expect(w.findings.map((f) => [f.finding.kind, f.finding.path, f.finding.rule?.name])).toEqual([
      ['accepted-invalid', '/TemporaryPassword/$MinimumLength', 'password-policy-enforced'],
    ]);
    expect(model.users[0]?.unknown).toBeDefined();
    // The sign-in found no user the model still predicts, so it did not run.
    expect(sender.sent.map((s) => s.operation)).toEqual(['AdminCreateUser']);
  });
});
