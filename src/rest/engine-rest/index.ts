/**
 * The Camunda 7 compatible routes under /engine-rest (docs: camunda7-rest.md). Each file is one
 * resource; `error-mappings.ts` says how other modules' errors are answered.
 */
import type { FastifyPluginAsync } from 'fastify';
import './error-mappings.js';
import { versionRoutes } from './version.js';
import { deploymentRoutes } from './deployment.js';
import { processDefinitionRoutes } from './process-definition.js';
import { taskCommandRoutes } from './task-commands.js';
import { taskQueryRoutes } from './task-queries.js';
import { processInstanceRoutes } from './process-instance.js';
import { messageRoutes } from './message.js';
import { signalRoutes } from './signal.js';
import { historyRoutes } from './history.js';
import { externalTaskRoutes } from './external-task.js';
import { incidentRoutes } from './incident.js';

export const engineRestRoutes: FastifyPluginAsync[] = [versionRoutes, deploymentRoutes, processDefinitionRoutes, taskCommandRoutes, taskQueryRoutes, externalTaskRoutes, incidentRoutes, processInstanceRoutes, messageRoutes, signalRoutes, historyRoutes];
