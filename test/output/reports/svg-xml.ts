/**
 * Chart markup read by a real XML parser (libxml2, through test/helpers/xml.ts): well-formed, and answering
 * XPath 1.0 queries in which `s:` names an element in the SVG namespace (`//s:g[@class="cell"]/s:text`).
 */
import { XmlQuery } from '../../helpers/xml.js';

export { xmlErrors } from '../../helpers/xml.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A chart parsed by libxml2. Throws at once if it is not well-formed. */
export class SvgXml extends XmlQuery {
  constructor(markup: string) {
    super(markup, { s: SVG_NS });
  }

  /** What a reader sees: the text of every <text> element, in drawing order. */
  texts(): string[] {
    return this.strings('//s:text');
  }

  /** What a hover or a screen reader gives: the text of every <title> (the chart's own first). */
  titles(): string[] {
    return this.strings('//s:title');
  }
}
