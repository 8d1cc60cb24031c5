import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { buildSpecs, generateSpecs } from './build-specs.ts';
import { describeWithDocuments, lazy, SOURCE_DOCUMENTS } from './test-support/source-documents.ts';

const SEED_PATH = join(SOURCE_DOCUMENTS.seedsDir, '000_198668429231732d.txt');
const { modelPath, referencePath } = SOURCE_DOCUMENTS;
/** The seed's lines, read by the first test that needs them (never while the tests are collected). */
const seedLines = lazy(() => readFileSync(SEED_PATH, 'utf8').split('\n'));

/** The seed's first `count` lines. */
function firstLines(count: number): string {
  return seedLines().slice(0, count).join('\n');
}

/** The seed with line `n` (1-based) replaced, so every other line keeps its number. */
function withLine(n: number, text: string): string {
  return seedLines()
    .map((line, index) => (index === n - 1 ? text : line))
    .join('\n');
}

/** Bad variants of the seed; `text` builds the document when its test runs. */
const BAD_DOCUMENTS: readonly { name: string; text: () => string; message: string }[] = [
  {
    name: 'truncated-in-syntax.txt',
    text: () => firstLines(350),
    message: "truncated-in-syntax.txt:347: expected '}' to close { opened at line 347, found end of document",
  },
  {
    name: 'truncated-after-request.txt',
    text: () => firstLines(30),
    message:
      "truncated-after-request.txt:18: expected 'Response Syntax' in section GetSigningCertificate (new) (line 7), found end of document",
  },
  {
    name: 'unbalanced.txt',
    text: () => withLine(424, ''),
    message: "unbalanced.txt:425: expected ',' or '}' to close { opened at line 422, found ')'",
  },
  {
    name: 'unclosed-call.txt',
    text: () => withLine(87, ''),
    message:
      "unclosed-call.txt:88: expected ',' or ')' to close client.admin_initiate_auth( opened at line 62, found 'type'",
  },
  {
    name: 'unknown-literal.txt',
    text: () => withLine(1647, "        'LastModifiedDate': frozenset(['a']),"),
    message: 'unknown-literal.txt:1647: expected a type literal',
  },
  {
    name: 'no-response-syntax.txt',
    text: () => withLine(2981, 'Response'),
    message:
      "no-response-syntax.txt:2691: expected 'Response Syntax' in section UpdateUserPool (updated) (line 2614), found the next section at line 2991",
  },
];

describeWithDocuments('bad documents', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'specs-bad-'));
  });
  // A skipped test (no source documents) never made its directory.
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function document(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it.each(BAD_DOCUMENTS)(
    '$name: names the file, the line and what was expected',
    ({ name, text, message }) => {
      const path = document(name, text());
      expect(() => generateSpecs([path], modelPath, referencePath)).toThrow(message);
      expect(() => generateSpecs([path], modelPath, referencePath)).toThrow(/^[\w.-]+\.txt:\d+: expected /);
    },
  );

  it.each([
    ['alone', (bad: string) => [bad]],
    ['after a good document', (bad: string) => [SEED_PATH, bad]],
    ['before a good document', (bad: string) => [bad, SEED_PATH]],
  ])('leaves the output directory untouched when a bad document comes %s', (_, documents) => {
    // Arrange
    const outDir = join(dir, 'out');
    const bad = document('unbalanced.txt', withLine(424, ''));
    buildSpecs({ documents: [SEED_PATH], modelPath, referencePath, outDir });
    writeFileSync(join(outDir, 'CreateUserPool.json'), 'old content\n');
    const before = snapshot(outDir);

    // Act
    const run = () => buildSpecs({ documents: documents(bad), modelPath, referencePath, outDir });

    // Assert
    expect(run).toThrow('unbalanced.txt:425:');
    expect(snapshot(outDir)).toEqual(before);
  });

  it('does not create the output directory when the document is bad', () => {
    const outDir = join(dir, 'never');
    const bad = document('truncated.txt', firstLines(350));
    expect(() => buildSpecs({ documents: [bad], modelPath, referencePath, outDir })).toThrow(
      'truncated.txt:347:',
    );
    expect(readdirSync(dir)).toEqual(['truncated.txt']);
  });
});

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}
