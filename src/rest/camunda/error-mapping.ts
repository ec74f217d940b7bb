import { CamundaHttpError, DuplicateErrorMappingError, ParseError, UnexpectedServerError } from './errors.js';

/** Camunda `ExceptionDto`: the body of every non-2xx answer except 401 (spec 1.5). */
export interface CamundaErrorBody {
  type: string;
  message: string;
  code: number | null;
  details?: unknown;
}

// Constructors of any arity are accepted as keys, hence the `any[]`.
type ErrorClass<E extends Error> = abstract new (...args: any[]) => E;
export type ErrorMapper<E extends Error> = (err: E) => CamundaHttpError;

/**
 * Maps error classes of other modules (engine, definitions, …) to HTTP errors, so those
 * modules never import the REST layer. Lookup walks the prototype chain: the mapping of the
 * most specific registered class wins, so mapping a base class covers its subclasses.
 */
export class CamundaErrorRegistry {
  private readonly mappers = new Map<unknown, ErrorMapper<Error>>();

  register<E extends Error>(cls: ErrorClass<E>, map: ErrorMapper<E>): this {
    const existing = this.mappers.get(cls);
    // Re-registering the same function is a no-op so that building an app twice in one
    // process (tests) does not fail; a different mapper is a real disagreement.
    if (existing !== undefined && existing !== map) throw new DuplicateErrorMappingError(cls.name);
    this.mappers.set(cls, map as ErrorMapper<Error>);
    return this;
  }

  /** The HTTP error for `err`, or undefined when neither it nor a mapping says what to answer. */
  resolve(err: unknown): CamundaHttpError | undefined {
    if (err instanceof CamundaHttpError) return err;
    if (!(err instanceof Error)) return undefined;
    for (let proto = Object.getPrototypeOf(err); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const map = this.mappers.get(proto.constructor);
      if (map !== undefined) return map(err);
    }
    return undefined;
  }
}

/** The registry the /engine-rest error handler uses unless given another one. */
export const defaultErrorRegistry = new CamundaErrorRegistry();

/**
 * Registers how an error class of another module is answered, e.g. in a route module:
 *   registerErrorMapping(ProcessInstanceNotFoundError, (e) =>
 *     new NotFoundError(`No matching process instance with id ${e.processInstanceId}`));
 */
export function registerErrorMapping<E extends Error>(cls: ErrorClass<E>, map: ErrorMapper<E>): void {
  defaultErrorRegistry.register(cls, map);
}

/** `{ type, message, code }` (plus `details` for parse errors) for any thrown value. */
export function toCamundaErrorBody(err: unknown, registry = defaultErrorRegistry): CamundaErrorBody {
  const httpError = registry.resolve(err) ?? new UnexpectedServerError();
  const body: CamundaErrorBody = { type: httpError.type, message: httpError.message, code: httpError.code };
  if (httpError instanceof ParseError) body.details = httpError.details;
  return body;
}
