import { AsyncLocalStorage } from 'node:async_hooks';

/** What a transport knows about the request in flight; recorded with the events it causes. */
export interface RequestContext {
  requestId?: string;
  ip?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext {
    return storage.getStore() ?? {};
  },
};
