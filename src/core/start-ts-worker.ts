import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread running one of our modules, named by its `.ts` source URL.
 * From the sources (tests, development) the CLI runs through tsx's loader,
 * which a worker does not inherit (Node 20-24), so the worker first registers
 * tsx's ESM loader itself (`tsx/esm/api`, the API tsx documents for this) and
 * then imports the module. From the compiled build (dist/, where this file is
 * `.js`) the worker runs the compiled `.js` beside the caller, without tsx.
 */
export function startTsWorker(moduleUrl: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL(moduleUrl.href.replace(/\.ts$/, '.js')), { workerData, resourceLimits });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
