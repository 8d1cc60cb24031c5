import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from './page-parser.ts';
import { toSourceDocument } from './source-document.ts';
import { describeWithDocuments, lazy } from './test-support/source-documents.ts';
import { WIDGET_PAGE } from './widget-page.fixture.ts';

const SEED = '000_198668429231732d.txt';

describeWithDocuments('parsePage on the seed document', ({ seedsDir }) => {
  const parsed = lazy(() => parsePage(toSourceDocument(SEED, readFileSync(join(seedsDir, SEED), 'utf8'))));

  it('finds the ten operation sections with their header lines', () => {
    expect(parsed().map((section) => [section.heading, section.line])).toEqual([
      ['GetSigningCertificate (new)', 7],
      ['AdminInitiateAuth (updated)', 50],
      ['CreateUserPool (updated)', 323],
      ['CreateUserPoolClient (updated)', 1213],
      ['DescribeUserPool (updated)', 1590],
      ['DescribeUserPoolClient (updated)', 2046],
      ['InitiateAuth (updated)', 2248],
      ['ListUserPools (updated)', 2467],
      ['UpdateUserPool (updated)', 2614],
      ['UpdateUserPoolClient (updated)', 2991],
    ]);
  });

  it('reads the Changes blocks with their directions', () => {
    const changes = Object.fromEntries(
      parsed().map((s) => [s.operation, s.changes.map((c) => `${c.direction}@${c.line}`)]),
    );
    expect(changes).toEqual({
      GetSigningCertificate: [],
      AdminInitiateAuth: ['request@52'],
      CreateUserPool: ['request@326', 'response@328'],
      CreateUserPoolClient: ['request@1216', 'response@1218'],
      DescribeUserPool: ['response@1592'],
      DescribeUserPoolClient: ['response@2048'],
      InitiateAuth: ['request@2250'],
      ListUserPools: ['response@2469'],
      UpdateUserPool: ['request@2616'],
      UpdateUserPoolClient: ['request@2994', 'response@2996'],
    });
  });

  it('reads [REQUIRED] on params and on nested bullets', () => {
    const createUserPool = parsed().find((s) => s.operation === 'CreateUserPool')!;
    expect(createUserPool.params.filter((p) => p.required).map((p) => p.name)).toEqual(['PoolName']);
    const sms = createUserPool.params.find((p) => p.name === 'SmsConfiguration')!;
    expect(sms.bullets.map((b) => [b.name, b.type, b.required, b.line])).toEqual([
      ['SnsCallerArn', 'string', true, 658],
      ['ExternalId', 'string', false, 662],
    ]);
  });

  it('finds the exclusion line of InitiateAuth AuthFlow and none elsewhere', () => {
    const exclusions = parsed().flatMap((s) =>
      s.params.flatMap((p) => p.exclusions.map((e) => [s.operation, p.name, e.value, e.line])),
    );
    expect(exclusions).toEqual([['InitiateAuth', 'AuthFlow', 'ADMIN_NO_SRP_AUTH', 2300]]);
  });
});

describeWithDocuments('parsePage on Changes blocks', ({ seedsDir }) => {
  const seedText = lazy(() => readFileSync(join(seedsDir, SEED), 'utf8'));
  const parse = (text: string) => parsePage(toSourceDocument('changes.txt', text));

  it('reads a literal on the Changes line itself', () => {
    const inline = seedText().replace(
      "Changes (response)\n{'UserPools': {'LambdaConfig': {'UserMigration': 'string'}}}",
      "Changes (response) {'UserPools': {'LambdaConfig': {'UserMigration': 'string'}}}\n",
    );
    const section = parse(inline).find((s) => s.operation === 'ListUserPools')!;
    expect(section.changes.map((c) => [c.direction, c.line])).toEqual([['response', 2468]]);
  });

  it('rejects a label for a direction the header does not announce', () => {
    const text = seedText().replace(
      "Changes (request)\n{'AuthFlow'",
      "Changes (request)\nResponse\n{'AuthFlow'",
    );
    expect(() => parse(text)).toThrow(
      'changes.txt:52: expected only request changes, found a Response label',
    );
  });

  it('rejects an announced direction without a literal', () => {
    const text = seedText().replace(
      "Changes (request, response)\nRequest\n{'LambdaConfig': {'UserMigration': 'string'}}\n",
      'Changes (request, response)\n',
    );
    expect(() => parse(text)).toThrow(
      'changes.txt:324: expected a {...} literal for the request changes announced here, found none',
    );
  });
});

describe('parsePage on a page with nested structure', () => {
  const [section] = parsePage(toSourceDocument('widget.txt', WIDGET_PAGE));

  it('normalises the header and reads an inline change literal', () => {
    expect(section!.heading).toBe('Widget (updated)');
    expect(section!.changes.map((c) => [c.direction, c.line])).toEqual([
      ['request', 5],
      ['response', 7],
    ]);
  });

  it('attaches each exclusion to the bullet it is indented under', () => {
    const config = section!.params.find((p) => p.name === 'Config')!;
    expect(config.exclusions.map((e) => [e.value, e.target?.name])).toEqual([['Z', 'Flows']]);
    const mode = section!.params.find((p) => p.name === 'Mode')!;
    expect(mode.exclusions.map((e) => [e.value, e.target])).toEqual([['ADMIN', undefined]]);
  });

  it('nests bullets by indentation', () => {
    const config = section!.params.find((p) => p.name === 'Config')!;
    const inner = config.bullets.find((b) => b.name === 'Inner')!;
    expect(inner.children.map((b) => [b.name, b.required])).toEqual([
      ['Key', true],
      ['Size', false],
    ]);
  });
});
