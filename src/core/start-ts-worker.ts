import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module. The CLI runs its sources
 * through tsx's loader, which a worker does not inherit (Node 20-24), so the
 * worker first registers tsx's ESM loader itself (`tsx/esm/api`, the API tsx
 * documents for this) and then imports the module.
 */
export function startTsWorker(moduleUrl: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
