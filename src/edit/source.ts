/**
 * A PMO file read for editing: its exact bytes (to detect a concurrent edit and to diff against), its text,
 * and what must survive the edit byte for byte (a BOM, CRLF line ends). A file pmo cannot edit safely is
 * refused here, saying where: YAML errors, bytes that are not UTF-8, old Mac line ends.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EditError } from '../errors.js';
import type { RawFinding } from '../findings.js';
import { locateFindings } from '../load/locate.js';
import { parseYamlFully } from '../load/parse-yaml.js';
import { decodeSource } from '../load/read.js';
import { assertInsideRepo } from './inside-repo.js';

export interface EditableFile {
  /** Repo-relative, forward slashes: how messages and diffs name it. */
  path: string;
  abs: string;
  bytes: Buffer;
  /** Decoded, without a BOM. */
  text: string;
  bom: boolean;
  eol: '\n' | '\r\n';
}

export function readForEdit(root: string, path: string): EditableFile {
  const abs = join(root, path);
  assertInsideRepo(root, abs, path);
  const bytes = readFileSync(abs);
  const source = decodeSource(path, 'project', bytes);
  if (source.encodingFinding) refuse(path, source.text, [source.encodingFinding]);
  // TextDecoder drops a BOM; the bytes say whether there was one.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = source.text.replace(/^\uFEFF/, '');
  if (/\r(?!\n)/.test(text)) {
    throw new EditError(`${path} ends some lines with a lone CR (old Mac line ends), which pmo does not edit; save it with LF or CRLF line ends first`);
  }
  const parsed = parseYamlFully(text, path);
  if (parsed.findings.length > 0) refuse(path, text, parsed.findings);
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return { path, abs, bytes, text, bom, eol: crlf > lf ? '\r\n' : '\n' };
}

/** The edited text as bytes: the BOM back if there was one. */
export function encodeText(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
}

function refuse(path: string, text: string, findings: RawFinding[]): never {
  const located = locateFindings(findings, () => ({ text: () => text, spans: {} }));
  const lines = located.map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.message}`);
  throw new EditError(`${path} has YAML errors, so pmo will not edit it (fix them first, then run the command again):\n${lines.join('\n')}`);
}
