import type { SourcePosition, SourceText } from './source-text.js';
import type { BpmnProblem } from './types.js';

export const BPMN_MODEL_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const MAX_SYNTAX_PROBLEMS = 20;
const NAME = String.raw`[\p{L}_:][\p{L}\p{N}_.:\-\u00B7]*`;
const ATTRIBUTE = new RegExp(String.raw`\s+(${NAME})\s*=\s*(?:"([^"<]*)"|'([^'<]*)')`, 'uy');
const TAG_NAME = new RegExp(`^${NAME}`, 'u');

interface OpenTag {
  ns: Map<string, string> | null;
  owner: string | undefined;
}

/**
 * One linear pass over the tags of a document: where each BPMN element starts (the `id` of an
 * element in the BPMN model namespace), and the syntax slips saxen only *warns* about.
 *
 * Why not saxen: its `getContext()` recounts lines from the start of the document on every call.
 * Asked per element, a 1 MB diagram took 12 s; and bpmn-moddle calls it for every saxen warning,
 * so a few thousand malformed attributes stall the event loop for seconds. Documents with such
 * slips are refused here, before bpmn-moddle runs. Well-formedness proper is bpmn-moddle's job.
 */
export class ElementPositions {
  readonly syntaxProblems: BpmnProblem[] = [];
  readonly #byId = new Map<string, number>();
  /** Ids of elements in other namespaces (diagram interchange…), used when no BPMN element has it. */
  readonly #otherIds = new Map<string, number>();
  readonly #tagOffsets: number[] = [];
  /** Per tag: its own BPMN id, else the nearest enclosing element's. */
  readonly #tagOwners: Array<string | undefined> = [];

  constructor(private readonly source: SourceText) {
    this.#scan(source.text);
  }

  positionOf(id: string | undefined): SourcePosition | undefined {
    const offset = id === undefined ? undefined : (this.#byId.get(id) ?? this.#otherIds.get(id));
    return offset === undefined ? undefined : this.source.positionAt(offset);
  }

  /** The BPMN element whose tag starts at or most closely before `offset`, or encloses it. */
  ownerAt(offset: number): string | undefined {
    const offsets = this.#tagOffsets;
    let lo = 0;
    let hi = offsets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid]! <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? undefined : this.#tagOwners[found];
  }

  #problem(message: string, offset: number, elementId?: string): void {
    if (this.syntaxProblems.length >= MAX_SYNTAX_PROBLEMS) return;
    this.syntaxProblems.push({ message, ...this.source.positionAt(offset), ...(elementId && { elementId, elementIds: [elementId] }) });
  }

  #scan(text: string): void {
    const stack: OpenTag[] = [];
    let rootSeen = false;
    const skipPast = (marker: string, from: number) => {
      const at = text.indexOf(marker, from);
      return at < 0 ? text.length : at + marker.length;
    };
    let i = 0;
    for (let lt = text.indexOf('<', i); ; lt = text.indexOf('<', i)) {
      const textEnd = lt < 0 ? text.length : lt;
      if (stack.length === 0 && text.slice(i, textEnd).trim() !== '') {
        this.#problem(`Text outside the root element`, i + text.slice(i, textEnd).search(/\S/));
      }
      if (lt < 0) break;
      if (text.startsWith('<!--', lt)) i = skipPast('-->', lt + 4);
      else if (text.startsWith('<![CDATA[', lt)) i = skipPast(']]>', lt + 9);
      else if (text.startsWith('<?', lt)) i = skipPast('?>', lt + 2);
      else if (text.startsWith('<!', lt)) i = skipPast('>', lt + 2);
      else if (text[lt + 1] === '/') {
        stack.pop();
        i = skipPast('>', lt + 2);
      } else {
        if (stack.length === 0 && rootSeen) this.#problem('More than one root element', lt);
        rootSeen = true;
        i = this.#startTag(text, lt, stack);
      }
    }
  }

  /** Reads the start tag at `lt`; returns the offset after it. */
  #startTag(text: string, lt: number, stack: OpenTag[]): number {
    let end = lt + 1;
    for (let quote = ''; end < text.length; end++) {
      const c = text[end];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    const selfClosing = text[end - 1] === '/';
    const body = text.slice(lt + 1, selfClosing ? end - 1 : end);
    const name = TAG_NAME.exec(body)?.[0] ?? '';

    let ns: Map<string, string> | null = null;
    let id: string | undefined;
    const attributes = new Set<string>();
    let at = name.length;
    ATTRIBUTE.lastIndex = at;
    for (let m = ATTRIBUTE.exec(body); m; m = ATTRIBUTE.exec(body)) {
      const key = m[1]!;
      const value = m[2] ?? m[3] ?? '';
      at = ATTRIBUTE.lastIndex;
      if (attributes.has(key)) this.#problem(`Attribute '${key}' appears twice on <${name}>`, lt);
      attributes.add(key);
      if (key === 'id') id = value;
      else if (key === 'xmlns' || key.startsWith('xmlns:')) (ns ??= new Map()).set(key === 'xmlns' ? '' : key.slice(6), value);
    }
    const resolve = (prefix: string) => {
      if (prefix === 'xml') return XML_NS;
      let uri = ns?.get(prefix);
      for (let k = stack.length - 1; uri === undefined && k >= 0; k--) uri = stack[k]!.ns?.get(prefix);
      return uri;
    };
    const prefixOf = (qname: string) => (qname.includes(':') ? qname.slice(0, qname.indexOf(':')) : '');

    let owner = stack.at(-1)?.owner;
    const uri = resolve(prefixOf(name));
    if (uri === BPMN_MODEL_NS && id) {
      if (!this.#byId.has(id)) this.#byId.set(id, lt);
      owner = id;
    } else if (id && !this.#otherIds.has(id)) this.#otherIds.set(id, lt);

    if (!name) this.#problem('Malformed tag: missing element name', lt, owner);
    else if (body.slice(at).trim() !== '') this.#problem(`Malformed attributes in <${name}>`, lt, owner);
    else if (prefixOf(name) && uri === undefined) this.#problem(`Namespace prefix '${prefixOf(name)}' of <${name}> is not declared`, lt, owner);
    for (const key of attributes) {
      const prefix = prefixOf(key);
      if (prefix && prefix !== 'xmlns' && resolve(prefix) === undefined) {
        this.#problem(`Namespace prefix '${prefix}' of attribute '${key}' is not declared`, lt, owner);
      }
    }

    this.#tagOffsets.push(lt);
    this.#tagOwners.push(owner);
    if (!selfClosing) stack.push({ ns, owner });
    return end + 1;
  }
}
