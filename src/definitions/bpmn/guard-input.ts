import { SourceText } from './source-text.js';
import type { BpmnProblem } from './types.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
// XML 1.0 forbids these; seeing one means binary garbage or a wrong encoding.
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Case-insensitive and anywhere (comments, CDATA too): no DTD is ever legitimate in BPMN, and
// refusing the text before a parser sees it rules out entity expansion and external entities.
const DTD_MARKUP = /<!\s*(DOCTYPE|ENTITY)/i;

export type GuardResult = { ok: true; text: string } | { ok: false; problems: BpmnProblem[] };

/**
 * Security gate, run before any XML parser sees the resource: size cap, strict UTF-8, no
 * control characters, no DOCTYPE/ENTITY. Returns the text without a byte-order mark.
 */
export function guardInput(xml: string | Buffer, maxBytes = DEFAULT_MAX_BYTES): GuardResult {
  const fail = (message: string, text?: string, offset?: number): GuardResult => {
    const at = text !== undefined && offset !== undefined ? new SourceText(text).positionAt(offset) : {};
    return { ok: false, problems: [{ message, ...at }] };
  };

  const size = typeof xml === 'string' ? Buffer.byteLength(xml, 'utf8') : xml.length;
  if (size > maxBytes) return fail(`Resource is ${size} bytes; the limit is ${maxBytes} bytes`);

  let text: string;
  if (typeof xml === 'string') {
    const lone = LONE_SURROGATE.exec(xml);
    if (lone) return fail('Resource text is not valid Unicode (lone surrogate)', xml, lone.index);
    text = xml;
  } else {
    if (xml.length >= 2 && ((xml[0] === 0xff && xml[1] === 0xfe) || (xml[0] === 0xfe && xml[1] === 0xff))) {
      return fail('Resource is UTF-16; save the diagram as UTF-8');
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(xml);
    } catch {
      return fail('Resource is not valid UTF-8 text');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('Resource is empty');

  const control = FORBIDDEN_CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return fail(`Resource contains the control character U+${code}; it is not XML text`, text, control.index);
  }

  const dtd = DTD_MARKUP.exec(text);
  if (dtd) {
    return fail(`<!${dtd[1]!.toUpperCase()}> is not allowed: BPMN resources must not declare a DTD or entities`, text, dtd.index);
  }

  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']*)["']/.exec(text);
  if (declared && !UTF8_NAMES.has(declared[1]!.trim().toLowerCase())) {
    return fail(`XML declares encoding '${declared[1]}'; only UTF-8 is supported`, text, declared.index);
  }

  return { ok: true, text };
}
