import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { ModelOperationSpec, OperationSpec } from '../format/index.ts';
import { laterConstraints, withLaterConstraints } from './later-constraints.ts';
import { withLaterErrors, withLaterResponseEnums } from './later-response-enums.ts';
import {
  laterOptionalMembers,
  laterResponseMembers,
  loadReferenceShapes,
  withoutRequired,
} from './later-members.ts';
import { parsePage } from './page-parser.ts';
import { modelSpecsNamed } from './model-specs.ts';
import { assertSchemasCompile } from './schema-check.ts';
import { loadSmithyModel } from './smithy-ast.ts';
import { specDrift } from './spec-drift.ts';
import { loadServiceModel, type ServiceModel } from './service-model.ts';
import { assembleSpec, type OperationOmittedPattern } from './spec-assembler.ts';
import { responseEnums } from './response-enums.ts';
import { serialiseSpec, specFileName, writeFilesAtomically } from './spec-writer.ts';
import { toSourceDocument } from './source-document.ts';

/** An operation described again by a later document; the later one wins. */
export interface SupersededSection {
  readonly operation: string;
  readonly document: string;
  readonly by: string;
}

/** Everything the documents and the model yield, validated, before anything is written. */
export interface GeneratedSpecs {
  /** One spec per operation, ordered by operation name. */
  readonly specs: readonly OperationSpec[];
  readonly model: ServiceModel;
  readonly omittedPatterns: readonly OperationOmittedPattern[];
  readonly superseded: readonly SupersededSection[];
}

/** Inputs of `buildSpecs`, the function behind `npm run specs`. */
export interface BuildOptions {
  /**
   * The current reference's spec of every operation ({@link generateModelSpecs}): written beside the page specs
   * for each operation no page describes, so `outDir` holds one spec per operation of the service.
   */
  readonly modelSpecs?: readonly ModelOperationSpec[];
  /** Document paths, in release order: when two describe the same operation, the later one wins. */
  readonly documents: readonly string[];
  /** The service model of the documents' release (botocore `service-2.json`). */
  readonly modelPath: string;
  /** The current reference (Smithy JSON AST), whose later constraints and members the specs take. */
  readonly referencePath: string;
  readonly outDir: string;
}

/** What `buildSpecs` generated and where it wrote it, for the summary `main.ts` prints. */
export interface BuildResult extends GeneratedSpecs {
  /** Paths of the page specs written, in the order of `specs`. */
  readonly written: readonly string[];
  /** The model specs written beside them (operations no page describes), by operation name. */
  readonly modelWritten: readonly ModelOperationSpec[];
}

/**
 * Parses every document, builds and validates every spec. Throws on the first bad document (with file,
 * line and expectation) or invalid schema; has no side effects.
 */
export function generateSpecs(
  documents: readonly string[],
  modelPath: string,
  referencePath: string,
): GeneratedSpecs {
  if (documents.length === 0) throw new Error('generateSpecs: expected at least one document path');
  const model = loadServiceModel(modelPath);
  const reference = loadReferenceShapes(referencePath);
  const smithy = loadSmithyModel(referencePath);
  const byOperation = new Map<string, { spec: OperationSpec; omitted: readonly OperationOmittedPattern[] }>();
  const superseded: SupersededSection[] = [];
  for (const path of documents) {
    const document = toSourceDocument(basename(path), readFileSync(path, 'utf8'));
    const sections = parsePage(document);
    const modelSpecs = modelSpecsNamed(
      smithy,
      sections.map((section) => section.operation),
    );
    for (const section of sections) {
      const assembled = assembleSpec(document, section, model);
      const { omittedPatterns } = assembled;
      const relaxed = laterOptionalMembers(assembled.spec, reference);
      const constraints = laterConstraints(assembled.spec, reference);
      const current = modelSpecs.get(section.operation);
      const judged = {
        ...assembled.spec,
        request: withLaterConstraints(withoutRequired(assembled.spec.request, relaxed), constraints),
        response: withLaterResponseEnums(assembled.spec.response, current?.response),
        errors: withLaterErrors(assembled.spec.errors, current?.errors),
        laterOptionalMembers: relaxed,
        laterConstraints: constraints,
        laterResponseMembers: laterResponseMembers(assembled.spec, reference),
        responseEnums: responseEnums(assembled.spec.operation, reference),
        // How it pages: the current reference's `smithy.api#paginated`, as its model spec reads it.
        ...(current?.pagination === undefined ? {} : { pagination: current.pagination }),
      };
      // What the current reference adds, removes or changes: the page before the overlay, the model alone, and
      // the spec as written (which side the suite judges by).
      const drift = specDrift({
        page: assembled.spec,
        judged,
        model: current,
        modelDocument: smithy.file,
      });
      const spec: OperationSpec = { ...judged, drift };
      const earlier = byOperation.get(spec.operation);
      if (earlier)
        superseded.push({
          operation: spec.operation,
          document: earlier.spec.source.document,
          by: document.name,
        });
      byOperation.set(spec.operation, { spec, omitted: omittedPatterns });
    }
  }
  const entries = [...byOperation.values()].sort((a, b) => compareNames(a.spec.operation, b.spec.operation));
  const specs = entries.map((entry) => entry.spec);
  assertSchemasCompile(specs);
  return { specs, model, omittedPatterns: entries.flatMap((entry) => entry.omitted), superseded };
}

/**
 * `generateSpecs`, then writes `<outDir>/<Operation>.json` for every page spec and, for every other operation of
 * `modelSpecs`, its model spec (spec version 2): all or none.
 */
export function buildSpecs(options: BuildOptions): BuildResult {
  const generated = generateSpecs(options.documents, options.modelPath, options.referencePath);
  const paged = new Set(generated.specs.map((spec) => spec.operation));
  const modelWritten = (options.modelSpecs ?? []).filter((spec) => !paged.has(spec.operation));
  const files = new Map(
    [...generated.specs, ...modelWritten].map((spec) => [specFileName(spec.operation), serialiseSpec(spec)]),
  );
  const written = writeFilesAtomically(options.outDir, files).slice(0, generated.specs.length);
  return { ...generated, written, modelWritten };
}

function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
