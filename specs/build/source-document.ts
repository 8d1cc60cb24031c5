/**
 * A document being parsed: its base name (for error messages) and its lines. Every stage that can reject
 * a document receives one, so its errors can name the file and line.
 */
export interface SourceDocument {
  readonly name: string;
  readonly lines: readonly string[];
}

/** Splits a document's text into lines (LF or CRLF); line `n` (1-based) is `lines[n - 1]`. */
export function toSourceDocument(name: string, text: string): SourceDocument {
  return { name, lines: text.split(/\r?\n/) };
}

/**
 * The error for a document that does not have the expected form, as `<file>:<line>: <what was expected>`.
 * Use it for bad input only; the message is the whole report, so say what was expected and what was found.
 */
export function documentError(document: SourceDocument, line: number, message: string): Error {
  return new Error(`${document.name}:${line}: ${message}`);
}
