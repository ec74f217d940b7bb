import { Type, type Static, type TUnsafe } from '@sinclair/typebox';
import { CATEGORIES, CHANNELS, REQUESTER_TYPES, STATUSES, URGENCIES, spellings, type Term } from './vocabulary.js';
import { ATTACHMENT_CONTENT_TYPES, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT } from './attachment-limits.js';

/** A closed list as a JSON-schema `enum` (one "must be one of …" error naming the field). */
function oneOf<C extends string>(terms: readonly Term<C>[], description: string): TUnsafe<string> {
  return Type.Unsafe<string>({ type: 'string', enum: spellings(terms), description });
}

const describe = (terms: readonly Term[]) => terms.map((t) => `${t.code}=${t.name}`).join(', ');

/** ISO 8601 instant with a zone (`2026-11-23T09:00:00+08:00`); a bare local time is ambiguous. */
export const InstantSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})$',
  description: 'ISO 8601 date-time with offset',
});

/** Digits with the usual separators; landlines with area code, mobiles, extensions. */
const PhoneSchema = Type.String({ pattern: '^\\+?[0-9][0-9 ()\\-]{4,30}$', maxLength: 32 });
const UnitSchema = Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S(.*\\S)?$' });

export const AttachmentInputSchema = Type.Object({
  storageKey: Type.String({
    minLength: 1,
    maxLength: 512,
    // A key in the object store, never a path that climbs out of it.
    pattern: '^(?!.*\\.\\.)[A-Za-z0-9][A-Za-z0-9._/\\-]*$',
    description: 'Where the file lies in the object store (uploaded beforehand)',
  }),
  name: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000-\\u001f]+$' }),
  size: Type.Integer({ minimum: 1, maximum: ATTACHMENT_MAX_BYTES, description: `bytes, at most ${ATTACHMENT_MAX_BYTES}` }),
  contentType: Type.Unsafe<string>({ type: 'string', enum: [...ATTACHMENT_CONTENT_TYPES] }),
});

/** POST /api/work-orders: the work-order form (seed 001, annex 2) plus region and attachments. */
export const IntakeSchema = Type.Object({
  region: Type.String({ minLength: 1, maxLength: 64, description: 'Region id (/api/regions)' }),
  requesterType: Type.Optional(oneOf(REQUESTER_TYPES, `反映人类型 (default person): ${describe(REQUESTER_TYPES)}`)),
  requesterName: Type.String({ minLength: 1, maxLength: 100, description: '姓名或单位名称' }),
  unitContact: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: '单位联系人 (only when the requester is a unit)' })),
  phone: PhoneSchema,
  address: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '联系地址' })),
  requestedAt: Type.Optional(InstantSchema),
  channel: oneOf(CHANNELS, `受理渠道: ${describe(CHANNELS)}`),
  category: oneOf(CATEGORIES, `诉求类别: ${describe(CATEGORIES)}`),
  content: Type.String({ minLength: 1, maxLength: 5000, description: '诉求主要内容' }),
  urgency: Type.Optional(oneOf(URGENCIES, `紧急程度: ${describe(URGENCIES)}`)),
  responsibleUnits: Type.Optional(Type.Array(UnitSchema, { maxItems: 20, uniqueItems: true, description: '责任部门 (candidate-group ids)' })),
  leadUnit: Type.Optional(UnitSchema),
  deadline: Type.Optional(InstantSchema),
  formContact: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: '工作单联系人' })),
  formContactPhone: Type.Optional(PhoneSchema),
  remarks: Type.Optional(Type.String({ maxLength: 1000, description: '备注' })),
  attachments: Type.Optional(Type.Array(AttachmentInputSchema, { maxItems: ATTACHMENT_MAX_COUNT })),
});
export type IntakeInput = Static<typeof IntakeSchema>;
export type AttachmentInput = Static<typeof AttachmentInputSchema>;

/** `Idempotency-Key`: printable ASCII, as a client library generates it (UUIDs, hashes). */
export const IdempotencyKeySchema = Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$' });

const listOf = (terms: readonly Term[]) =>
  Type.String({ description: `one or more, comma-separated: ${describe(terms)}` });
const digits = Type.String({ pattern: '^\\d+$' });
/** A local date (whole day in the region's zone) or an instant. */
const DayOrInstant = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}($|T)', description: 'YYYY-MM-DD (Asia/Shanghai day) or ISO 8601 date-time' });

export const WORK_ORDER_SORT_KEYS = ['number', 'requestedAt', 'createdAt', 'dueAt', 'status', 'updatedAt'] as const;

/** GET /api/work-orders. Query values arrive as strings (ajv does not coerce in this service). */
export const ListQuerySchema = Type.Object({
  region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'current, responsible or lead unit' })),
  status: Type.Optional(listOf(STATUSES)),
  category: Type.Optional(listOf(CATEGORIES)),
  channel: Type.Optional(listOf(CHANNELS)),
  overdue: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['true', 'false'] })),
  requestedFrom: Type.Optional(DayOrInstant),
  requestedTo: Type.Optional(DayOrInstant),
  text: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'in number, content, address (and requester for roles that see it)' })),
  sortBy: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: [...WORK_ORDER_SORT_KEYS] })),
  sortOrder: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['asc', 'desc'] })),
  firstResult: Type.Optional(digits),
  maxResults: Type.Optional(digits),
});
export type ListQuery = Static<typeof ListQuerySchema>;

