import type { Env, Hono } from 'hono';
import type { Handler, ToSchema } from 'hono/types';
import type { RouteConfig, RouteConfigToTypedResponse, RouteHandler } from '@hono/zod-openapi';
import type { apiRoutes } from './api-routes.ts';

/**
 * The whole HTTP API as one type, built from the route definitions of this
 * folder and nothing else: the web UI's typed client (`hc<ApiType>`) reads
 * it, so a page and the route it calls cannot drift apart, and the UI
 * imports no server module.
 */
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type InputOf<R extends RouteConfig> = RouteHandler<R> extends Handler<any, any, infer I, any> ? I : never;
type SchemaOf<R> = R extends RouteConfig & { getRoutingPath(): infer P extends string } ? ToSchema<R['method'], P, InputOf<R>, RouteConfigToTypedResponse<R>> : never;

export type ApiType = Hono<Env, UnionToIntersection<SchemaOf<(typeof apiRoutes)[number]>>, '/'>;
