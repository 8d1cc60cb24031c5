import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_DOCUMENTS_DIR,
  DOCUMENT_FILES,
  DOCUMENTS_ENV,
  documentsIn,
  locateDocuments,
  missingDocuments,
  REPO_ROOT,
} from './default-paths.ts';
import {
  DOCUMENTS_MISSING,
  documentsNotice,
  inCi,
  SOURCE_DOCUMENTS,
} from './test-support/source-documents.ts';

// The one place a run without the source documents says so: the tests that read them skip quietly (each with
// a note), and this test prints the line (or, under CI, fails with it).
describe('the source documents', () => {
  it('are where COGNITO_CONFORMANCE_DOCUMENTS (default ../shared) says, or one line says where they come from', (context) => {
    if (DOCUMENTS_MISSING !== undefined) {
      const line = documentsNotice(SOURCE_DOCUMENTS, DOCUMENTS_MISSING, inCi());
      if (inCi()) throw new Error(line);
      console.warn(line);
      context.skip(line);
    }
    expect(documentsIn(SOURCE_DOCUMENTS.seedsDir).length).toBeGreaterThan(0);
  });
});

describe('locateDocuments', () => {
  it('defaults to ../shared beside the repository, whatever the current directory', () => {
    const location = locateDocuments({ env: {}, cwd: '/somewhere/else' });
    expect(location.dir).toBe(join(REPO_ROOT, '..', 'shared'));
    expect(location.dir).toBe(DEFAULT_DOCUMENTS_DIR);
    expect(location.from).toMatch(/default/);
    expect(location.seedsDir).toBe(join(DEFAULT_DOCUMENTS_DIR, 'seeds'));
    expect(location.modelPath).toBe(join(DEFAULT_DOCUMENTS_DIR, DOCUMENT_FILES.model));
    expect(location.referencePath).toBe(join(DEFAULT_DOCUMENTS_DIR, DOCUMENT_FILES.reference));
  });

  it('takes COGNITO_CONFORMANCE_DOCUMENTS, a relative one from the current directory, an empty one as unset', () => {
    expect(locateDocuments({ env: { [DOCUMENTS_ENV]: '/docs' }, cwd: '/cwd' })).toMatchObject({
      dir: '/docs',
      from: `from ${DOCUMENTS_ENV}`,
    });
    expect(locateDocuments({ env: { [DOCUMENTS_ENV]: 'docs' }, cwd: '/cwd' }).dir).toBe('/cwd/docs');
    expect(locateDocuments({ env: { [DOCUMENTS_ENV]: '' }, cwd: '/cwd' }).dir).toBe(DEFAULT_DOCUMENTS_DIR);
  });

  it('lets --documents win over the environment', () => {
    expect(
      locateDocuments({ flag: '../flag', env: { [DOCUMENTS_ENV]: '/docs' }, cwd: '/cwd/sub' }),
    ).toMatchObject({
      dir: '/cwd/flag',
      from: 'from --documents',
      modelPath: join('/cwd/flag', DOCUMENT_FILES.model),
    });
  });
});

describe('missingDocuments', () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-documents-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const at = (dir: string) => locateDocuments({ flag: dir, env: {} });

  it('says a directory that is not there does not exist', () => {
    expect(missingDocuments(at(join(root, 'nothing')))).toBe(`${join(root, 'nothing')} does not exist`);
  });

  it('lists what a directory lacks, and only what the run needs', () => {
    const dir = join(root, 'seeds-only');
    mkdirSync(join(dir, 'seeds'), { recursive: true });
    writeFileSync(join(dir, 'seeds', '000_page.txt'), 'page');
    expect(missingDocuments(at(dir))).toBe(
      `${dir} lacks ${DOCUMENT_FILES.model}, ${DOCUMENT_FILES.reference}`,
    );
    expect(missingDocuments(at(dir), { model: false })).toBe(`${dir} lacks ${DOCUMENT_FILES.reference}`);
    expect(missingDocuments(at(dir), { model: false, reference: false })).toBeUndefined();
    expect(
      missingDocuments(at(join(root, 'nothing')), { seeds: false, model: false, reference: false }),
    ).toBe(undefined);
  });

  it('counts a seeds directory without *.txt pages as missing', () => {
    const dir = join(root, 'no-pages');
    mkdirSync(join(dir, 'seeds'), { recursive: true });
    writeFileSync(join(dir, 'seeds', 'README.md'), 'not a page');
    expect(missingDocuments(at(dir), { model: false, reference: false })).toBe(`${dir} lacks seeds/*.txt`);
  });
});

describe('the source-document tests', () => {
  it('treat CI as scripts/test-environment.sh does: set, and not empty, false or 0', () => {
    expect([undefined, '', 'false', '0'].map((CI) => inCi({ CI }))).toEqual([false, false, false, false]);
    expect(['true', '1', 'yes'].map((CI) => inCi({ CI }))).toEqual([true, true, true]);
  });

  it('say in one line where the documents come from and how to provide them; under CI, that they fail', () => {
    const location = locateDocuments({ env: {} });
    const missing = `${location.dir} does not exist`;

    const skipped = documentsNotice(location, missing, false);
    const failed = documentsNotice(location, missing, true);

    expect(skipped).not.toContain('\n');
    expect(skipped).toMatch(/^skipping the source-document tests: /);
    for (const line of [skipped, failed]) {
      expect(line).toContain(`${location.dir} does not exist (the default, ../shared beside the repository)`);
      expect(line).toContain(`set ${DOCUMENTS_ENV}`);
      expect(line).toContain(DOCUMENT_FILES.model);
    }
    expect(failed).toMatch(
      /^the source-document tests cannot run: .*\(CI is set, so they are not skipped\.\)$/,
    );
  });
});
