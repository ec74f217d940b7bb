import * as auth from '../../auth/index.js';
import { registerErrorMapping, NotFoundError, InvalidRequestError, ConflictError } from '../camunda/index.js';

registerErrorMapping(auth.UserNotFoundError, (e) => new NotFoundError(e.message, 'user', e.userId));
registerErrorMapping(auth.UnitNotFoundError, (e) => new NotFoundError(e.message, 'unit', e.unitId));
registerErrorMapping(auth.UsernameTakenError, (e) => new ConflictError(e.message, 'UsernameTakenException'));
registerErrorMapping(auth.UnitExistsError, (e) => new ConflictError(e.message, 'UnitExistsException'));
registerErrorMapping(auth.InvalidAccountFieldError, (e) => new InvalidRequestError(e.message, e.field));
