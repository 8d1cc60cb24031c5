import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_FILES, DOCUMENTS_CONTENT, DOCUMENTS_ENV, REPO_ROOT } from './default-paths.ts';
import { runSpecsCommand, SPECS_EXIT, type SpecsCommandIo } from './specs-command.ts';
import { itWithDocuments } from './test-support/source-documents.ts';

const COMMITTED = fileURLToPath(new URL('../operations/', import.meta.url));
const isOperationSpec = (name: string) => /^[A-Z][A-Za-z0-9]*\.json$/.test(name);

/** Runs the command in this process with its output captured. */
function specs(argv: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: SpecsCommandIo = {
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    env,
    cwd: REPO_ROOT,
  };
  const code = runSpecsCommand(argv, io);
  return { code, out, err };
}

describe('npm run specs: where the documents come from', () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-specs-command-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const missing = join(root, 'no-such-documents');
  const outDir = join(root, 'out');

  it('rejects an unknown flag with the valid ones, exit 2', () => {
    const { code, out, err } = specs(['--document', missing, '--out', outDir]);

    expect(code).toBe(SPECS_EXIT.usage);
    expect(out).toEqual([]);
    expect(err).toEqual([
      "specs: unknown option '--document'; the valid ones are --documents <dir>, --model <file>, --reference <file>, --out <dir>, --help",
    ]);
    expect(existsSync(outDir)).toBe(false);
  });

  it('names --documents, the path tried and what it must hold when the directory is missing, exit 2', () => {
    const { code, out, err } = specs(['--documents', missing, '--out', outDir]);

    expect(code).toBe(SPECS_EXIT.usage);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `specs: no source documents: ${missing} does not exist (from --documents). ` +
        `--documents <dir> (or ${DOCUMENTS_ENV}) must name a directory holding ${DOCUMENTS_CONTENT}.`,
    ]);
    expect(existsSync(outDir)).toBe(false);
  });

  it('names COGNITO_CONFORMANCE_DOCUMENTS when it chose the directory, and what the directory lacks', () => {
    const partial = join(root, 'partial');
    mkdirSync(join(partial, 'seeds'), { recursive: true });
    writeFileSync(join(partial, 'seeds', '000_page.txt'), 'a page\n');

    const { code, err } = specs(['--out', outDir], { [DOCUMENTS_ENV]: partial });

    expect(code).toBe(SPECS_EXIT.usage);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(
      `${partial} lacks ${DOCUMENT_FILES.model}, ${DOCUMENT_FILES.reference} (from ${DOCUMENTS_ENV})`,
    );
  });

  it('names a --model, --reference or document given on the command line that is not there, exit 2', () => {
    const file = (name: string) => join(root, name);

    const { code, err } = specs(['--model', 'm.json', '--reference', file('r.json'), file('page.txt')], {
      [DOCUMENTS_ENV]: missing,
    });

    expect(code).toBe(SPECS_EXIT.usage);
    expect(err).toEqual([`specs: --model ${join(REPO_ROOT, 'm.json')}: no such file`]);
  });

  it('exits 2 with the one line through main.ts too, never an ENOENT stack', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'specs/build/main.ts', '--documents', missing, '--out', outDir],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, [DOCUMENTS_ENV]: '' } },
    );

    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^specs: no source documents: ${escape(missing)} does not exist \\(from --documents\\)`),
      ),
    ]);
    expect(run.stderr).not.toMatch(/ENOENT|\n\s+at /);
  }, 30_000);

  itWithDocuments(
    'builds from a copy of the documents named by --documents, over the environment, into --out',
    (documents) => {
      // Arrange: the documents somewhere else, and an environment that points nowhere.
      const copy = join(root, 'copy');
      cpSync(documents.seedsDir, join(copy, DOCUMENT_FILES.seeds), { recursive: true });
      for (const file of [DOCUMENT_FILES.model, DOCUMENT_FILES.reference])
        cpSync(join(documents.dir, file), join(copy, file));
      const written = join(root, 'written');

      // Act
      const { code, out, err } = specs(['--documents', copy, '--out', written], {
        [DOCUMENTS_ENV]: missing,
      });

      // Assert
      expect(err).toEqual([]);
      expect(code).toBe(SPECS_EXIT.ok);
      const names = readdirSync(written).sort();
      expect(names).toEqual(readdirSync(COMMITTED).filter(isOperationSpec).sort());
      for (const name of names)
        expect(readFileSync(join(written, name), 'utf8'), name).toBe(
          readFileSync(join(COMMITTED, name), 'utf8'),
        );
      expect(names).toHaveLength(113);
      expect(out.filter((line) => line.startsWith('wrote '))).toHaveLength(10);
      expect(out).toContain(
        `model: 113 operations (82 sigv4, 31 unsigned, 9 paginated); 103 specs from the model alone written to ${relative(REPO_ROOT, written)}`,
      );
      expect(readFileSync(join(root, 'resource-graph.json'), 'utf8')).toBe(
        readFileSync(join(COMMITTED, '..', 'resource-graph.json'), 'utf8'),
      );
      expect(out.at(-1)).toMatch(/^page\/model comparison: \d+ disagreements, 0 not in /);
    },
    30_000,
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
