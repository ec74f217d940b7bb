import type { FastifyRequest } from 'fastify';
import type { DeploymentInfo, ProcessDefinitionInfo } from '../../definitions/index.js';
import { formatCamundaDate } from '../camunda/index.js';

/** The base URL of the scope the request came in on, for Camunda's `links`. */
export function baseUrl(request: FastifyRequest): string {
  const prefix = request.routeOptions.url?.startsWith('/engine-rest/engine/default') ? '/engine-rest/engine/default' : '/engine-rest';
  return `${request.protocol}://${request.host}${prefix}`;
}

export function selfLink(request: FastifyRequest, path: string) {
  return [{ method: 'GET', href: `${baseUrl(request)}${path}`, rel: 'self' }];
}

export function definitionDto(d: ProcessDefinitionInfo) {
  return {
    id: d.id,
    key: d.key,
    category: d.category,
    description: null,
    name: d.name,
    version: d.version,
    resource: d.resource,
    deploymentId: d.deploymentId,
    diagram: null,
    suspended: d.suspended,
    tenantId: d.tenantId,
    versionTag: d.versionTag,
    historyTimeToLive: d.historyTimeToLive,
    startableInTasklist: d.startableInTasklist,
  };
}

export function deploymentDto(request: FastifyRequest, d: DeploymentInfo) {
  return {
    links: selfLink(request, `/deployment/${d.id}`),
    id: d.id,
    name: d.name,
    source: d.source,
    deploymentTime: formatCamundaDate(d.deploymentTime),
    tenantId: d.tenantId,
  };
}

export interface InstanceSummary {
  id: string;
  definitionId: string;
  definitionKey: string;
  businessKey: string | null;
  tenantId: string | null;
  ended: boolean;
}

export function instanceDto(request: FastifyRequest, i: InstanceSummary) {
  return {
    links: selfLink(request, `/process-instance/${i.id}`),
    id: i.id,
    definitionId: i.definitionId,
    definitionKey: i.definitionKey,
    businessKey: i.businessKey,
    caseInstanceId: null,
    ended: i.ended,
    suspended: false,
    tenantId: i.tenantId,
  };
}
