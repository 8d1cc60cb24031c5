import { beforeEach, describe, it, type TestContext } from 'vitest';
import {
  DOCUMENTS_CONTENT,
  DOCUMENTS_ENV,
  type DocumentsLocation,
  locateDocuments,
  missingDocuments,
} from '../default-paths.ts';

/**
 * Tests that read the source documents (the API reference pages and the models, outside the repository) go
 * through here. Where the documents are missing, those tests are skipped outside CI and fail under CI; the
 * rest of the project, which reads only the committed specs, runs either way.
 */

/** The source documents the tests read: `$COGNITO_CONFORMANCE_DOCUMENTS`, else `../shared` beside the repository. */
export const SOURCE_DOCUMENTS: DocumentsLocation = locateDocuments();

/** Why {@link SOURCE_DOCUMENTS} cannot be read (`/x does not exist`, `/x lacks …`), or undefined when it can. */
export const DOCUMENTS_MISSING: string | undefined = missingDocuments(SOURCE_DOCUMENTS);

/** CI as scripts/test-environment.sh reads it (`te_in_ci`): `CI` set, and not empty, `false` or `0`. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env['CI'];
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/**
 * The one line that says why the source-document tests do not run, where the documents come from and how
 * to provide them: a skip outside CI, a failure under CI.
 */
export function documentsNotice(location: DocumentsLocation, missing: string, ci: boolean): string {
  const why = `${missing} (${location.from})`;
  const how =
    `The documents come from a directory holding ${DOCUMENTS_CONTENT}: set ${DOCUMENTS_ENV} to one, ` +
    'or clone the repository beside ../shared.';
  return ci
    ? `the source-document tests cannot run: ${why}. ${how} (CI is set, so they are not skipped.)`
    : `skipping the source-document tests: ${why}. ${how} The suite itself reads only the committed specs.`;
}

/** True when every source document is where {@link SOURCE_DOCUMENTS} says. */
export function documentsAvailable(): boolean {
  return DOCUMENTS_MISSING === undefined;
}

/**
 * For the test running now: nothing when the documents are there; otherwise skips it (its note names the
 * missing directory) or, under CI, fails it with {@link documentsNotice}.
 */
export function requireDocuments(context: TestContext): void {
  if (DOCUMENTS_MISSING === undefined) return;
  if (inCi()) throw new Error(documentsNotice(SOURCE_DOCUMENTS, DOCUMENTS_MISSING, true));
  context.skip(`no source documents: ${DOCUMENTS_MISSING}`);
}

/**
 * A `describe` whose every test needs the source documents ({@link requireDocuments} before each). The body
 * runs while the tests are collected, documents or not, so it must read them only inside tests (see
 * {@link lazy}); `beforeAll` hooks would run even when the tests skip.
 */
export function describeWithDocuments(name: string, body: (documents: DocumentsLocation) => void): void {
  describe(name, () => {
    beforeEach(requireDocuments);
    body(SOURCE_DOCUMENTS);
  });
}

/** An `it` that needs the source documents: skipped or failed as {@link requireDocuments} says. */
export function itWithDocuments(
  name: string,
  fn: (documents: DocumentsLocation) => void | Promise<void>,
  timeout?: number,
): void {
  it(
    name,
    (context) => {
      requireDocuments(context);
      return fn(SOURCE_DOCUMENTS);
    },
    timeout,
  );
}

/** `make()`, computed on the first call and kept: for documents read by several tests, never at collection. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
