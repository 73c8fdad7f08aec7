/**
 * XML read back by a real parser that npm brings: libxml2 (the library the xmllint command is a front end to),
 * compiled to WebAssembly by the libxml2-wasm package. The tests that read pmo's XML (the JUnit report, the
 * charts' SVG) so run on any machine with Node, with no system package and no skip.
 */
import { readFileSync } from 'node:fs';
import { XmlDocument, XmlLibError, XsdValidator, type ErrorDetail, type NamespaceMap } from 'libxml2-wasm';

/** One line per complaint, as xmllint prints them: line, column, message. */
function listed(details: readonly ErrorDetail[]): string {
  return details.map((d) => `${d.line}:${d.col} ${d.message.trimEnd()}`).join('\n');
}

/** libxml2's complaints, or rethrows what is not libxml2 complaining (a bug in the helper, say). */
function complaints(error: unknown): string {
  if (error instanceof XmlLibError) return listed(error.details) || error.message;
  throw error;
}

/** Parses `markup`, runs `use` on it, and frees the document whatever happens. */
function withDocument<T>(markup: string, use: (doc: XmlDocument) => T): T {
  const doc = XmlDocument.fromString(markup);
  try {
    return use(doc);
  } finally {
    doc.dispose();
  }
}

/** libxml2's errors and warnings on `markup` as XML: '' when it is well-formed and drew no warning. */
export function xmlErrors(markup: string): string {
  try {
    return withDocument(markup, (doc) => listed(doc.warnings));
  } catch (error) {
    return complaints(error);
  }
}

/** Why `markup` is not valid by the XML Schema in the file `xsdPath`: '' when it is valid. */
export function xsdErrors(markup: string, xsdPath: string): string {
  return withDocument(readFileSync(xsdPath, 'utf8'), (xsd) => {
    const validator = XsdValidator.fromDoc(xsd);
    try {
      return withDocument(markup, (doc) => {
        try {
          validator.validate(doc);
          return '';
        } catch (error) {
          return complaints(error);
        }
      });
    } catch (error) {
      return `not well-formed: ${complaints(error)}`;
    } finally {
      validator.dispose();
    }
  });
}

/**
 * A parsed document that answers XPath 1.0 queries, with `namespaces` binding prefixes for them (an SVG
 * element is `s:text` with { s: 'http://www.w3.org/2000/svg' }). Throws at once if it is not well-formed.
 */
export class XmlQuery {
  private readonly doc: XmlDocument;

  constructor(
    readonly markup: string,
    private readonly namespaces: NamespaceMap = {},
  ) {
    const errors = xmlErrors(markup);
    if (errors) throw new Error(`not well-formed XML:\n${errors}\n${markup.slice(0, 2000)}`);
    // Freed by libxml2-wasm's finalizer when the query is dropped: a test holds several at once.
    this.doc = XmlDocument.fromString(markup);
  }

  count(path: string): number {
    return this.value(`count(${path})`) as number;
  }

  /** The string value of an expression (of the first node, for a path), as XPath's string() gives it. */
  string(expression: string): string {
    return this.value(`string(${expression})`) as string;
  }

  /** The string value of every node `path` selects, in document order. */
  strings(path: string): string[] {
    return this.doc.find(path, this.namespaces).map((node) => node.content);
  }

  private value(expression: string): string | number | boolean {
    const result = this.doc.eval(expression, this.namespaces);
    if (Array.isArray(result)) throw new Error(`${expression} selects nodes, not a value`);
    return result;
  }
}
