import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonSchema, ModelOperationSpec, OperationSpec, SpecDrift } from '../format/index.ts';
import { type DriftInputs, specDrift } from './spec-drift.ts';

const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: false,
});

/** A page-side spec (before the overlay) with the given schemas and errors, the rest empty. */
function pageSpec(
  request: JsonSchema,
  response: JsonSchema,
  errors: string[] = [],
): Omit<OperationSpec, 'drift'> {
  return {
    specVersion: 1,
    operation: 'PutThing',
    target: 'x',
    status: 'updated',
    source: { document: 'page.txt', section: 'PutThing (updated)', line: 1 },
    request,
    response,
    changes: [],
    narrowings: [],
    laterResponseMembers: [],
    responseEnums: {},
    laterOptionalMembers: [],
    laterConstraints: [],
    errors,
  };
}

function modelSpec(request: JsonSchema, response: JsonSchema, errors: string[] = []): ModelOperationSpec {
  return {
    specVersion: 2,
    operation: 'PutThing',
    target: 'Svc.PutThing',
    source: { document: 'model.smithy.json', shape: 'ns#PutThing' },
    auth: 'sigv4',
    authTraits: {},
    request,
    response,
    errors,
    responseEnums: {},
    relaxedConstraints: [],
  };
}

/** The drift with the judged spec equal to the page unless given. */
function drift(inputs: Partial<DriftInputs> & Pick<DriftInputs, 'page'>): SpecDrift {
  return specDrift({ judged: inputs.page, model: undefined, modelDocument: 'model.smithy.json', ...inputs });
}

describe('specDrift', () => {
  it('lists members only one side has; a request member only the model has carries no verdict', () => {
    const page = pageSpec(
      object({ Name: { type: 'string' }, Old: { type: 'string' } }),
      object({ Thing: object({ Name: { type: 'string' } }) }),
    );
    const model = modelSpec(
      object({ Name: { type: 'string' }, New: object({ Deep: { type: 'string' } }) }),
      object({
        Thing: object({ Name: { type: 'string' }, Arn: { type: 'string' }, Tier: { type: 'string' } }),
      }),
    );
    const judged = { ...page, laterResponseMembers: ['/Thing/Arn'] };
    expect(drift({ page, judged, model }).members).toEqual([
      { direction: 'request', path: '/New', change: 'added' },
      { direction: 'request', path: '/Old', change: 'removed', applies: 'page' },
      {
        direction: 'response',
        path: '/Thing/Arn',
        change: 'added',
        applies: 'model',
        recordedIn: 'laterResponseMembers',
      },
      // Not in laterResponseMembers: the response-schema check would call it unexpected, as the page does.
      { direction: 'response', path: '/Thing/Tier', change: 'added', applies: 'page' },
    ]);
  });

  it('lists required flags that differ, and which side the request schema follows', () => {
    const page = pageSpec(object({ A: { type: 'string' }, B: { type: 'string' } }, ['A']), object({}));
    const model = modelSpec(object({ A: { type: 'string' }, B: { type: 'string' } }, ['B']), object({}));
    const judged = {
      ...page,
      request: object(page.request['properties'] as Record<string, JsonSchema>),
      laterOptionalMembers: ['/A'],
    };
    expect(drift({ page, judged, model }).required).toEqual([
      {
        direction: 'request',
        path: '/A',
        page: true,
        model: false,
        applies: 'model',
        recordedIn: 'laterOptionalMembers',
      },
      { direction: 'request', path: '/B', page: false, model: true, applies: 'page' },
    ]);
  });

  it('compares bounds by what they allow: a lower bound of 0 is none, a pattern equals its whole-match form', () => {
    const page = pageSpec(
      object({
        Id: { type: 'string', pattern: '[\\w-]+_[0-9a-zA-Z]+' },
        Message: { type: 'string', pattern: '.*\\{####\\}.*' },
        Scopes: { type: 'array', items: { type: 'string' }, maxItems: 25 },
        Validity: { type: 'integer', minimum: 0, maximum: 3650 },
      }),
      object({}),
    );
    const model = modelSpec(
      object({
        Id: { type: 'string', pattern: '^[\\w-]+_[0-9a-zA-Z]+$' },
        Message: { type: 'string', pattern: '\\{####\\}' },
        Scopes: { type: 'array', items: { type: 'string', minLength: 0 }, minItems: 0, maxItems: 50 },
        Validity: { type: 'integer', minimum: 0, maximum: 315360000 },
      }),
      object({}),
    );
    const judgedRequest = object({
      Id: { type: 'string', pattern: '[\\w-]+_[0-9a-zA-Z]+' },
      Message: { type: 'string', pattern: '[\\s\\S]*(?:\\{####\\})[\\s\\S]*' },
      Scopes: { type: 'array', items: { type: 'string' }, maxItems: 50 },
      Validity: { type: 'integer', minimum: 0, maximum: 3650 },
    });
    const judged = {
      ...page,
      request: judgedRequest,
      laterConstraints: [
        {
          path: '/Message',
          keyword: 'pattern',
          document: '.*\\{####\\}.*',
          reference: '[\\s\\S]*(?:\\{####\\})[\\s\\S]*',
        },
        { path: '/Scopes', keyword: 'maxItems', document: 25, reference: 50 },
      ],
    };
    expect(drift({ page, judged, model }).constraints).toEqual([
      {
        direction: 'request',
        path: '/Message',
        keyword: 'pattern',
        page: '.*\\{####\\}.*',
        model: '\\{####\\}',
        applies: 'model',
        recordedIn: 'laterConstraints',
      },
      {
        direction: 'request',
        path: '/Scopes',
        keyword: 'maxItems',
        page: 25,
        model: 50,
        applies: 'model',
        recordedIn: 'laterConstraints',
      },
      {
        direction: 'request',
        path: '/Validity',
        keyword: 'maximum',
        page: 3650,
        model: 315360000,
        applies: 'page',
      },
    ]);
  });

  it('gives a response length, range, count or pattern no verdict, but a type and a map key bound one', () => {
    const page = pageSpec(
      object({}),
      object({
        Validity: { type: 'integer', maximum: 3650 },
        When: { type: 'number', format: 'epoch-seconds' },
        Tags: { type: 'object', additionalProperties: { type: 'string' } },
      }),
    );
    const model = modelSpec(
      object({}),
      object({
        Validity: { type: 'integer', maximum: 315360000 },
        When: { type: 'string' },
        Tags: {
          type: 'object',
          propertyNames: { type: 'string', minLength: 1, maxLength: 128 },
          additionalProperties: { type: 'string', maxLength: 256 },
        },
      }),
    );
    expect(drift({ page, model }).constraints).toEqual([
      {
        direction: 'response',
        path: '/Tags',
        keyword: 'propertyNames/maxLength',
        page: null,
        model: 128,
        applies: 'page',
      },
      {
        direction: 'response',
        path: '/Tags',
        keyword: 'propertyNames/minLength',
        page: null,
        model: 1,
        applies: 'page',
      },
      { direction: 'response', path: '/Tags/*', keyword: 'maxLength', page: null, model: 256 },
      { direction: 'response', path: '/Validity', keyword: 'maximum', page: 3650, model: 315360000 },
      {
        direction: 'response',
        path: '/When',
        keyword: 'type',
        page: 'timestamp',
        model: 'string',
        applies: 'page',
      },
    ]);
  });

  it('takes a pattern the model spec cannot state from its relaxed constraints; the suite then states none', () => {
    const page = pageSpec(object({ Sms: { type: 'string', pattern: '.*\\{####\\}.*' } }), object({}));
    const model = {
      ...modelSpec(object({ Sms: { type: 'string' } }), object({})),
      relaxedConstraints: [
        {
          direction: 'request' as const,
          path: '/Sms',
          source: 'ns#Sms',
          trait: 'smithy.api#pattern',
          value: '^(?s)',
          reason: 'r',
        },
      ],
    };
    const judged = {
      ...page,
      request: object({ Sms: { type: 'string' } }),
      laterConstraints: [{ path: '/Sms', keyword: 'pattern', document: '.*\\{####\\}.*', reference: null }],
    };
    expect(drift({ page, judged, model }).constraints).toEqual([
      {
        direction: 'request',
        path: '/Sms',
        keyword: 'pattern',
        page: '.*\\{####\\}.*',
        model: '^(?s)',
        applies: 'model',
        recordedIn: 'laterConstraints',
      },
    ]);
  });

  it('lists enum values one by one: a prose narrowing stays on the page side, a withdrawn value on neither model side', () => {
    const flows = (values: string[]) => object({ Flow: { type: 'string', enum: values } });
    const page = {
      ...pageSpec(flows(['SRP', 'CUSTOM']), object({ Challenge: { type: 'string', enum: ['SMS_MFA'] } })),
      narrowings: [
        { direction: 'request' as const, path: '/Flow', excluded: ['ADMIN'], reason: 'prose' },
        {
          direction: 'request' as const,
          path: '/Flow',
          excluded: ['PASSWORD'],
          reason: 'withdrawn',
          source: 'ns#Req$Flow',
        },
      ],
    };
    const model = modelSpec(
      flows(['SRP', 'ADMIN', 'PASSWORD', 'USER_AUTH']),
      object({ Challenge: { type: 'string', enum: ['SMS_MFA', 'EMAIL_OTP'] } }),
    );
    expect(drift({ page, model }).enumValues).toEqual([
      {
        direction: 'request',
        path: '/Flow',
        value: 'ADMIN',
        change: 'added',
        applies: 'page',
        recordedIn: 'narrowings',
      },
      { direction: 'request', path: '/Flow', value: 'CUSTOM', change: 'removed', applies: 'page' },
      {
        direction: 'request',
        path: '/Flow',
        value: 'PASSWORD',
        change: 'removed',
        applies: 'model',
        recordedIn: 'narrowings',
      },
      { direction: 'request', path: '/Flow', value: 'USER_AUTH', change: 'added', applies: 'page' },
      { direction: 'response', path: '/Challenge', value: 'EMAIL_OTP', change: 'added', applies: 'page' },
    ]);
  });

  it("lists modeled errors only one side has, judged by the spec's errors", () => {
    const page = pageSpec(object({}), object({}), ['Gone', 'Kept']);
    const model = modelSpec(object({}), object({}), ['Kept', 'New']);
    expect(drift({ page, model }).errors).toEqual([
      { error: 'Gone', change: 'removed', applies: 'page' },
      { error: 'New', change: 'added', applies: 'page' },
    ]);
    expect(drift({ page, judged: { ...page, errors: ['Kept', 'New'] }, model }).errors).toEqual([
      { error: 'Gone', change: 'removed', applies: 'model' },
      { error: 'New', change: 'added', applies: 'model' },
    ]);
  });

  it('follows $ref into the model spec', () => {
    const page = pageSpec(object({ Node: object({ Name: { type: 'string' } }) }), object({}));
    const model = modelSpec(
      {
        ...object({ Node: { $ref: '#/$defs/Node' } }),
        $defs: { Node: object({ Name: { type: 'string' }, Next: { $ref: '#/$defs/Node' } }) },
      },
      object({}),
    );
    expect(drift({ page, model }).members).toEqual([
      { direction: 'request', path: '/Node/Next', change: 'added' },
    ]);
  });

  it('compares an operation the reference lacks with empty structures', () => {
    const page = pageSpec(object({ A: { type: 'string' } }), object({ B: { type: 'string' } }), ['E']);
    expect(drift({ page })).toEqual({
      model: 'model.smithy.json',
      members: [
        { direction: 'request', path: '/A', change: 'removed', applies: 'page' },
        { direction: 'response', path: '/B', change: 'removed', applies: 'page' },
      ],
      required: [],
      constraints: [],
      enumValues: [],
      errors: [{ error: 'E', change: 'removed', applies: 'page' }],
    });
  });
});

/*
 * Spot facts of the committed specs (no documents needed): the drift `npm run specs` wrote for the ten
 * operations of the 2018-02-12 page against the current reference.
 */
const OPERATIONS_DIR = new URL('../operations/', import.meta.url);
const committed = (operation: string): OperationSpec & { drift: SpecDrift } =>
  JSON.parse(readFileSync(new URL(`${operation}.json`, OPERATIONS_DIR), 'utf8')) as OperationSpec & {
    drift: SpecDrift;
  };
/** The page specs (spec version 1): the operations of the 2018-02-12 page, which carry a drift record. */
const SPEC_NAMES = readdirSync(OPERATIONS_DIR)
  .filter((name) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name))
  .map((name) => name.replace(/\.json$/, ''))
  .filter((name) => committed(name).specVersion === 1);

describe('the committed drift records', () => {
  it('are there for each of the ten operations, against the current reference', () => {
    expect(SPEC_NAMES).toHaveLength(10);
    for (const name of SPEC_NAMES)
      expect(committed(name).drift.model, name).toBe('cognito-identity-provider-2016-04-18.smithy.json');
  });

  it('DescribeUserPool: the model adds DeletionProtection, UserPoolTier, Arn… to the pool, and the suite accepts them', () => {
    const { members } = committed('DescribeUserPool').drift;
    for (const path of ['/UserPool/DeletionProtection', '/UserPool/UserPoolTier', '/UserPool/Arn'])
      expect(members).toContainEqual({
        direction: 'response',
        path,
        change: 'added',
        applies: 'model',
        recordedIn: 'laterResponseMembers',
      });
    expect(members.filter((m) => m.change === 'added')).toHaveLength(19);
    expect(members.filter((m) => m.change === 'removed')).toEqual([]);
  });

  it('CreateUserPoolClient: RefreshTokenValidity up to 315360000, AllowedOAuthScopes up to 50 items', () => {
    const { constraints } = committed('CreateUserPoolClient').drift;
    expect(constraints).toContainEqual({
      direction: 'request',
      path: '/RefreshTokenValidity',
      keyword: 'maximum',
      page: 3650,
      model: 315360000,
      applies: 'model',
      recordedIn: 'laterConstraints',
    });
    expect(constraints).toContainEqual({
      direction: 'request',
      path: '/AllowedOAuthScopes',
      keyword: 'maxItems',
      page: 25,
      model: 50,
      applies: 'model',
      recordedIn: 'laterConstraints',
    });
    // The response schema keeps the page's bound; a response over it is a note, so no verdict depends on it.
    expect(constraints).toContainEqual({
      direction: 'response',
      path: '/UserPoolClient/RefreshTokenValidity',
      keyword: 'maximum',
      page: 3650,
      model: 315360000,
    });
  });

  it('CreateUserPoolClient: AnalyticsConfiguration members are no longer required, and ExplicitAuthFlows gains ALLOW_ values', () => {
    const { required, enumValues } = committed('CreateUserPoolClient').drift;
    expect(required.map((r) => [r.path, r.page, r.model, r.applies, r.recordedIn])).toEqual([
      ['/AnalyticsConfiguration/ApplicationId', true, false, 'model', 'laterOptionalMembers'],
      ['/AnalyticsConfiguration/ExternalId', true, false, 'model', 'laterOptionalMembers'],
      ['/AnalyticsConfiguration/RoleArn', true, false, 'model', 'laterOptionalMembers'],
    ]);
    expect(enumValues).toContainEqual({
      direction: 'request',
      path: '/ExplicitAuthFlows/*',
      value: 'ALLOW_USER_SRP_AUTH',
      change: 'added',
      applies: 'page',
    });
  });

  it('AdminInitiateAuth and InitiateAuth: the withdrawn and the narrowed AuthFlow values', () => {
    expect(committed('AdminInitiateAuth').drift.enumValues).toContainEqual({
      direction: 'request',
      path: '/AuthFlow',
      value: 'USER_PASSWORD_AUTH',
      change: 'removed',
      applies: 'model',
      recordedIn: 'narrowings',
    });
    expect(committed('InitiateAuth').drift.enumValues).toContainEqual({
      direction: 'request',
      path: '/AuthFlow',
      value: 'ADMIN_NO_SRP_AUTH',
      change: 'added',
      applies: 'page',
      recordedIn: 'narrowings',
    });
  });

  it('CreateUserPool: the model adds tier errors, which the spec allows (the later document stands)', () => {
    expect(committed('CreateUserPool').drift.errors).toEqual([
      { error: 'FeatureUnavailableInTierException', change: 'added', applies: 'model' },
      { error: 'TierChangeNotAllowedException', change: 'added', applies: 'model' },
    ]);
    expect(committed('CreateUserPool').drift.required).toContainEqual({
      direction: 'response',
      path: '/UserPool/SmsConfiguration/SnsCallerArn',
      page: false,
      model: true,
      applies: 'page',
    });
  });

  it('hold every overlay the spec records as a difference the later document decides', () => {
    for (const name of SPEC_NAMES) {
      const spec = committed(name);
      const { drift: record } = spec;
      for (const path of spec.laterResponseMembers)
        expect(record.members, `${name} ${path}`).toContainEqual(
          expect.objectContaining({
            direction: 'response',
            path,
            applies: 'model',
            recordedIn: 'laterResponseMembers',
          }),
        );
      for (const path of spec.laterOptionalMembers)
        expect(record.required, `${name} ${path}`).toContainEqual(
          expect.objectContaining({
            direction: 'request',
            path,
            applies: 'model',
            recordedIn: 'laterOptionalMembers',
          }),
        );
      for (const { path, keyword } of spec.laterConstraints)
        expect(record.constraints, `${name} ${path} ${keyword}`).toContainEqual(
          expect.objectContaining({
            direction: 'request',
            path,
            keyword,
            applies: 'model',
            recordedIn: 'laterConstraints',
          }),
        );
    }
  });

  it('are sorted', () => {
    const sorted = (keys: string[]) => keys.every((key, i) => i === 0 || (keys[i - 1] ?? '') <= key);
    for (const name of SPEC_NAMES) {
      const { drift: record } = committed(name);
      const join = (...parts: string[]) => parts.join('\u0000');
      expect(sorted(record.members.map((e) => join(e.direction, e.path, e.change))), name).toBe(true);
      expect(sorted(record.required.map((e) => join(e.direction, e.path))), name).toBe(true);
      expect(sorted(record.constraints.map((e) => join(e.direction, e.path, e.keyword))), name).toBe(true);
      expect(sorted(record.enumValues.map((e) => join(e.direction, e.path, e.value, e.change))), name).toBe(
        true,
      );
      expect(sorted(record.errors.map((e) => join(e.error, e.change))), name).toBe(true);
    }
  });
});
