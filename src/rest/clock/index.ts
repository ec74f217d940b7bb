/**
 * `/api/clock`, only when the service runs with TEST_CLOCK=1 (otherwise the routes do not
 * exist and answer 404): GET reads the service time; POST `{"set": ISO}` or
 * `{"advance": ISO-8601 duration}` moves it forward and answers once every timer that became
 * due on the way has fired and committed.
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { ClockMovedBackwardsError } from '../../clock/index.js';
import { InvalidClockRequestError, TestClockRequiredError } from '../../scheduler/index.js';
import { installCamundaConventions, registerErrorMapping, ConflictError, InvalidRequestError } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';
import { targetOf } from './parse-clock-request.js';

registerErrorMapping(ClockMovedBackwardsError, (e) => new ConflictError(e.message, 'ClockMovedBackwardsException'));
registerErrorMapping(InvalidClockRequestError, (e) => new InvalidRequestError(e.message, e.field));
registerErrorMapping(TestClockRequiredError, (e) => new ConflictError(e.message));

export const ClockMoveBodySchema = Type.Union([
  Type.Object({ set: Type.String({ minLength: 1, description: 'ISO 8601 date-time with offset; not before the current time' }) }, { additionalProperties: false }),
  Type.Object({ advance: Type.String({ minLength: 1, description: 'ISO 8601 duration, e.g. PT1H, P5D' }) }, { additionalProperties: false }),
]);
export type ClockMoveBody = Static<typeof ClockMoveBodySchema>;

const TimerSummarySchema = Type.Object({
  fired: Type.Integer(),
  stale: Type.Integer(),
  busy: Type.Integer(),
  early: Type.Integer(),
  failed: Type.Integer(),
  incident: Type.Integer(),
});
const ClockSchema = Type.Object({ now: Type.String({ format: 'date-time' }) });
const ClockMoveSchema = Type.Object({ from: Type.String({ format: 'date-time' }), now: Type.String({ format: 'date-time' }), timers: TimerSummarySchema });

/** Register with `{ prefix: '/api/clock' }` (each /api scope sets its own 404 handler). */
export const clockRoutes: FastifyPluginAsync = async (app) => {
  installCamundaConventions(app);
  const { clock, scheduler } = app.services;

  app.get('/', { schema: { tags: ['engine'], summary: 'Service time (TEST_CLOCK=1 only)', response: { 200: ClockSchema } } }, async () => ({
    now: clock.now().toISOString(),
  }));

  app.post(
    '/',
    {
      schema: {
        tags: ['engine'],
        summary: 'Move the test clock forward; answers after every timer that became due has fired',
        body: ClockMoveBodySchema,
        response: { 200: ClockMoveSchema },
      },
    },
    async (request) => {
      const body = request.body as { set?: string; advance?: string };
      const move = await scheduler.moveTestClock(targetOf(body, clock.now()));
      return { from: move.from.toISOString(), now: move.now.toISOString(), timers: move.timers };
    },
  );
};
