import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_FILES, REPO_ROOT } from './default-paths.ts';
import { generateModelSpecs } from './model-specs.ts';
import { runSpecsCommand, SPECS_EXIT } from './specs-command.ts';
import { itWithDocuments } from './test-support/source-documents.ts';
import { tinySmithyModel, type TinyShape } from './test-support/tiny-smithy-model.ts';

type Shapes = Record<string, TinyShape>;

/** Bad variants of the tiny model: the file name, its text, and the start of the error it must give. */
const BAD_MODELS: readonly { name: string; text: () => string; message: string }[] = [
  {
    name: 'not-json.smithy.json',
    text: () => '{"smithy": "2.0", "shapes": {',
    message: 'not-json.smithy.json: expected a Smithy JSON AST (JSON), JSON.parse says: ',
  },
  {
    name: 'missing-target.smithy.json',
    text: () => tinySmithyModel((shapes) => addMember(shapes, 'ns#OpRequest', 'Thing', 'ns#Missing')),
    message: 'missing-target.smithy.json: ns#OpRequest$Thing: expected a shape ns#Missing, found none',
  },
  {
    name: 'missing-input.smithy.json',
    text: () =>
      tinySmithyModel((shapes) => {
        shapes['ns#Op']!['input'] = { target: 'ns#Nowhere' };
      }),
    message: 'missing-input.smithy.json: ns#Op$input: expected a shape ns#Nowhere, found none',
  },
  {
    name: 'smithy-1.smithy.json',
    text: () => JSON.stringify({ ...JSON.parse(tinySmithyModel()), smithy: '1.0' }),
    message: 'smithy-1.smithy.json: expected "smithy": "2.0", found "1.0"',
  },
  {
    name: 'untyped-shape.smithy.json',
    text: () => tinySmithyModel((shapes) => delete shapes['ns#IdType']!['type']),
    message: "untyped-shape.smithy.json: ns#IdType: expected a shape with a string 'type', found none",
  },
  {
    name: 'numeric-enum-value.smithy.json',
    text: () =>
      tinySmithyModel((shapes) => {
        shapes['ns#Color'] = {
          type: 'enum',
          members: { RED: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 1 } } },
        };
        addMember(shapes, 'ns#OpRequest', 'Color', 'ns#Color');
      }),
    message: 'numeric-enum-value.smithy.json: ns#Color$RED: expected a string smithy.api#enumValue, found 1',
  },
  {
    name: 'paginated-no-member.smithy.json',
    text: () =>
      tinySmithyModel((shapes) => {
        shapes['ns#Op']!.traits!['smithy.api#paginated'] = { inputToken: 'Token', outputToken: 'Next' };
      }),
    message:
      "paginated-no-member.smithy.json: ns#Op: expected smithy.api#paginated inputToken 'Token' to name a member of ns#OpRequest, found none",
  },
  {
    name: 'error-without-trait.smithy.json',
    text: () => tinySmithyModel((shapes) => delete shapes['ns#Oops']!.traits),
    message:
      'error-without-trait.smithy.json: ns#Op: expected ns#Oops to be an error shape (smithy.api#error), found none',
  },
  {
    name: 'auth-not-a-list.smithy.json',
    text: () =>
      tinySmithyModel((shapes) => {
        shapes['ns#Op']!.traits!['smithy.api#auth'] = 'none';
      }),
    message:
      'auth-not-a-list.smithy.json: ns#Op: expected smithy.api#auth to be a list of auth scheme ids, found "none"',
  },
  {
    name: 'length-on-boolean.smithy.json',
    text: () =>
      tinySmithyModel((shapes) => {
        shapes['ns#IdType']!['type'] = 'boolean';
      }),
    message:
      'length-on-boolean.smithy.json: ns#IdType: expected smithy.api#length on a string, list, map or blob, found a boolean',
  },
  {
    name: 'member-length-text.smithy.json',
    text: () =>
      tinySmithyModel((shapes) => {
        shapes['ns#OpRequest']!.members!['Id']!.traits!['smithy.api#length'] = { max: 'eight' };
      }),
    message:
      'member-length-text.smithy.json: ns#OpRequest$Id: expected smithy.api#length to be {min?: number, max?: number}, found {"max":"eight"}',
  },
];

function addMember(shapes: Shapes, shape: string, name: string, target: string): void {
  shapes[shape]!.members![name] = { target };
}

describe('a bad model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'model-specs-bad-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(BAD_MODELS)('$name: names the file, the shape and what was expected', ({ name, text, message }) => {
    // Arrange
    const path = join(dir, name);
    writeFileSync(path, text());

    // Act
    const run = () => generateModelSpecs(path);

    // Assert
    expect(run).toThrow(message);
    expect(run).toThrow(new RegExp(`^${name.replaceAll('.', '\\.')}: `));
  });

  it('is fine as the tiny model itself, so each case above breaks one thing', () => {
    const path = join(dir, 'tiny.smithy.json');
    writeFileSync(path, tinySmithyModel());

    expect(generateModelSpecs(path).map((spec) => spec.operation)).toEqual(['Op']);
  });

  itWithDocuments(
    'leaves the output directory untouched when npm run specs meets it',
    (documents) => {
      // Arrange: the real documents, with a reference whose one member targets a missing shape.
      const copy = join(dir, 'documents');
      cpSync(documents.seedsDir, join(copy, DOCUMENT_FILES.seeds), { recursive: true });
      cpSync(join(documents.dir, DOCUMENT_FILES.model), join(copy, DOCUMENT_FILES.model));
      const reference = JSON.parse(readFileSync(documents.referencePath, 'utf8')) as { shapes: Shapes };
      addMember(
        reference.shapes,
        'com.amazonaws.cognitoidentityprovider#ListUsersRequest',
        'Extra',
        'x#Gone',
      );
      writeFileSync(join(copy, DOCUMENT_FILES.reference), JSON.stringify(reference));
      const out = join(dir, 'operations');
      mkdirSync(out);
      writeFileSync(join(out, 'ListUsers.json'), 'old content\n');
      const err: string[] = [];

      // Act
      const code = runSpecsCommand(['--documents', copy, '--out', out], {
        log: () => {},
        error: (line) => err.push(line),
        env: {},
        cwd: REPO_ROOT,
      });

      // Assert
      expect(code).toBe(SPECS_EXIT.buildFailed);
      expect(err).toEqual([
        'specs: cognito-identity-provider-2016-04-18.smithy.json: ' +
          'com.amazonaws.cognitoidentityprovider#ListUsersRequest$Extra: expected a shape x#Gone, found none',
      ]);
      expect(readdirSync(out)).toEqual(['ListUsers.json']);
      expect(readFileSync(join(out, 'ListUsers.json'), 'utf8')).toBe('old content\n');
    },
    30_000,
  );
});
