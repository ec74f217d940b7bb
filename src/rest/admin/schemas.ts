import { Type } from '@sinclair/typebox';
import { ROLES } from '../../access/index.js';
import { UNIT_KINDS } from '../../auth/index.js';

/** Camunda-style user ids: letters, digits and `._@-`, starting with a letter or digit. */
export const Username = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$', description: 'letters, digits, . _ @ -; at most 64' });
export const Password = Type.String({ minLength: 8, maxLength: 200 });
export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const Roles = Type.Array(RoleSchema, { uniqueItems: true, maxItems: ROLES.length });
/** A unit id is a BPMN candidate group, so it must be usable as one. */
export const UnitId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'the candidate-group id the processes use' });
export const UnitKindSchema = Type.Union(UNIT_KINDS.map((k) => Type.Literal(k)));
const Name = Type.String({ minLength: 1, maxLength: 100 });
const RegionId = Type.String({ minLength: 1, maxLength: 64 });

export const CreateUserBody = Type.Object({
  username: Username,
  displayName: Type.Optional(Name),
  password: Password,
  unitId: Type.Optional(Type.Union([UnitId, Type.Null()])),
  roles: Roles,
});
export const UpdateUserBody = Type.Object({
  displayName: Type.Optional(Name),
  unitId: Type.Optional(Type.Union([UnitId, Type.Null()])),
  roles: Type.Optional(Roles),
  disabled: Type.Optional(Type.Boolean()),
});
export const PasswordBody = Type.Object({ password: Password });
export const UserListQuery = Type.Object({
  unitId: Type.Optional(UnitId),
  role: Type.Optional(RoleSchema),
  disabled: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])),
  firstResult: Type.Optional(Type.String({ pattern: '^\\d{1,9}$' })),
  maxResults: Type.Optional(Type.String({ pattern: '^\\d{1,3}$' })),
});
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const CreateUnitBody = Type.Object({
  id: UnitId,
  name: Name,
  kind: Type.Optional(UnitKindSchema),
  regionId: Type.Optional(Type.Union([RegionId, Type.Null()])),
});
export const UpdateUnitBody = Type.Object({
  name: Type.Optional(Name),
  kind: Type.Optional(UnitKindSchema),
  regionId: Type.Optional(Type.Union([RegionId, Type.Null()])),
});
