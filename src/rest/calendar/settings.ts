import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegionSettingsPatch } from '../../calendar/index.js';
import { guard } from './access.js';
import type { CalendarRouteOptions } from './route-options.js';
import { RegionParams, SettingsBody, SettingsPatchBody, SettingsResponse } from './schemas.js';

/**
 * A region's time zone and end of day (when a deadline day ends, 'HH:MM', default 18:00).
 * PUT sets both; PATCH changes the fields it names. A region never edited has the defaults.
 */
export function settingsRoutes(app: FastifyInstance, { calendars, authorize }: CalendarRouteOptions): void {
  const tags = ['calendar'];

  app.get('/regions/:region/settings', {
    schema: { tags, summary: "The region's time zone and end of day", params: RegionParams, response: { 200: SettingsResponse } },
    preHandler: guard(authorize, 'read'),
  }, async (request) => {
    const { region } = request.params as { region: string };
    const { settings } = await calendars.overrides.snapshot(region);
    return { region, ...settings };
  });

  const update = (summary: string) => async (request: FastifyRequest) => {
    const { region } = request.params as { region: string };
    const settings = await calendars.overrides.updateSettings(region, request.body as RegionSettingsPatch);
    request.log.info({ region, ...settings }, summary);
    return { region, ...settings };
  };

  app.put('/regions/:region/settings', {
    schema: { tags, summary: "Set the region's time zone and end of day", params: RegionParams, body: SettingsBody, response: { 200: SettingsResponse } },
    preHandler: guard(authorize, 'write'),
  }, update('calendar settings set'));

  app.patch('/regions/:region/settings', {
    schema: { tags, summary: "Change some of the region's settings", params: RegionParams, body: SettingsPatchBody, response: { 200: SettingsResponse } },
    preHandler: guard(authorize, 'write'),
  }, update('calendar settings changed'));
}
