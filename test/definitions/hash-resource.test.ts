import t from 'tap';
import { hashResource } from '../../src/definitions/bpmn/index.js';
import { fixture } from './bpmn-helpers.js';

t.test('hashResource: sha256 hex of the normalized text', async (t) => {
  const xml = fixture('camunda-modeler-7.bpmn');
  const hash = hashResource(xml);
  t.match(hash, /^[0-9a-f]{64}$/);
  t.equal(hashResource(Buffer.from(xml, 'utf8')), hash, 'string and bytes agree');
  t.equal(hashResource('\uFEFF' + xml.replace(/\n/g, '\r\n') + '\n\n'), hash, 'BOM, CRLF and trailing blank lines do not matter');
  t.equal(hashResource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml)])), hash);
  t.not(hashResource(xml.replace('登记工单', '登记')), hash, 'content changes do');
  t.not(hashResource(xml.replace('  <bpmn:process', '    <bpmn:process')), hash, 'indentation inside the document does');
  t.match(hashResource(Buffer.from([0xff, 0xfe, 0x00])), /^[0-9a-f]{64}$/, 'bytes that are not UTF-8 are hashed as they are');
});
