/**
 * THE EXECUTOR REGISTRY — which executor runs which channel.
 *
 * Routing is resolved per action, most specific first:
 *   1. an override for the whole worker run (`worker --executor sandbox`),
 *   2. the campaign's `executors` map (channel -> executor name),
 *   3. the workspace's settings `outreach.executors` map,
 *   4. `defaultRouting`: every channel goes to `tasks` (the recruiter's
 *      queue), the default for LinkedIn steps; email goes to `tasks` too
 *      until a workspace routes it to `smtp`.
 *
 * An `ExecutorRegistry` maps executor names to instances; the worker asks it
 * for the executor of each action. Executors are built by factories so the
 * worker can make them per store (the tasks executor needs nothing, smtp and
 * webhook read their settings).
 */
import { z } from 'zod';
import { AppError } from '../../core/app-error.ts';
import { channels, type Channel } from '../../core/channel.ts';
import type { Executor, ExecutorName } from './executor.ts';

export const executorNames = ['tasks', 'smtp', 'webhook', 'sandbox'] as const satisfies readonly ExecutorName[];

export const executorRoutingSchema = z.partialRecord(z.enum(channels), z.enum(executorNames));
export type ExecutorRouting = Partial<Record<Channel, ExecutorName>>;

export const defaultRouting: Readonly<Record<Channel, ExecutorName>> = Object.freeze({
  connection_request: 'tasks',
  message: 'tasks',
  inmail: 'tasks',
  email: 'tasks',
  phone: 'tasks',
  withdraw_invitation: 'tasks',
});

export interface RoutingLayers {
  override?: ExecutorName | null;
  campaign?: ExecutorRouting | null;
  workspace?: ExecutorRouting | null;
}

export function resolveExecutorName(channel: Channel, layers: RoutingLayers = {}): ExecutorName {
  // smtp can only send email: as an override it takes the email channel and leaves the rest routed as usual
  if (layers.override && (layers.override !== 'smtp' || channel === 'email')) return layers.override;
  return layers.campaign?.[channel] ?? layers.workspace?.[channel] ?? defaultRouting[channel];
}

export type ExecutorRegistry = ReadonlyMap<ExecutorName, Executor>;

export function createExecutorRegistry(executors: readonly Executor[]): ExecutorRegistry {
  return new Map(executors.map((e) => [e.name, e]));
}

export function executorFor(registry: ExecutorRegistry, name: ExecutorName): Executor {
  const e = registry.get(name);
  if (!e) throw new AppError('invalid_input', `no '${name}' executor is configured for this worker`, { executor: name, available: [...registry.keys()] });
  return e;
}
