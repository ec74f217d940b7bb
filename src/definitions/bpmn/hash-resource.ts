import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of a resource for duplicate filtering. The same diagram saved with a byte-order
 * mark, with Windows line endings or with trailing blank lines hashes the same; any other change,
 * whitespace inside the document included, gives a new hash (Camunda compares bytes).
 * Bytes that are not UTF-8 are hashed as they are.
 */
export function hashResource(xml: string | Buffer): string {
  let textValue: string;
  if (typeof xml === 'string') textValue = xml;
  else {
    try {
      textValue = new TextDecoder('utf-8', { fatal: true }).decode(xml);
    } catch {
      return createHash('sha256').update(xml).digest('hex');
    }
  }
  const normalized = textValue.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trimEnd();
  return createHash('sha256').update(normalized, 'utf8').digest('hex');
}
