import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

/** What a request does to the calendar: reading (status, previews) or changing a region. */
export type CalendarAction = 'read' | 'write';

export interface CalendarAccess {
  action: CalendarAction;
  /** The region the route names; null for routes over all regions (status). */
  region: string | null;
}

/**
 * The authentication seam. Authentication arrives in a later issue; until then every request
 * is allowed (`allowAll`). An authorizer refuses by throwing AuthenticationRequiredError (401)
 * or AuthorizationError (403) from rest/camunda; e.g. only a region's administrators write.
 */
export type CalendarAuthorizer = (request: FastifyRequest, access: CalendarAccess) => void | Promise<void>;

export const allowAll: CalendarAuthorizer = () => {};

/** A route's preHandler that asks the authorizer before the handler runs. */
export function guard(authorize: CalendarAuthorizer, action: CalendarAction): preHandlerAsyncHookHandler {
  return async (request) => {
    const params = request.params as { region?: string } | undefined;
    await authorize(request, { action, region: params?.region ?? null });
  };
}
