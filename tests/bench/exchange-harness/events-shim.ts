// Node's EventEmitter, as much of it as PouchDB (the benchmark's peer figure) calls. The
// build aliases 'events' here: the `events` polyfill package is not installed. Like Node's,
// its methods are enumerable and its storage is created lazily, because PouchDB copies the
// prototype's methods onto its constructor and calls them there.
type Listener = ((...args: unknown[]) => void) & { inner?: Listener };
type Store = Map<string | symbol, Listener[]>;

interface Emitter {
  _listenersByType?: Store;
}

function store(self: Emitter): Store {
  self._listenersByType ??= new Map();
  return self._listenersByType;
}

function EventEmitter(this: Emitter): void {
  store(this);
}

const methods = {
  on(this: Emitter, type: string | symbol, listener: Listener) {
    const table = store(this);
    table.set(type, [...(table.get(type) ?? []), listener]);
    return this;
  },
  addListener(this: Emitter, type: string | symbol, listener: Listener) {
    return methods.on.call(this, type, listener);
  },
  once(this: Emitter, type: string | symbol, listener: Listener) {
    const wrapped: Listener = (...args) => {
      methods.removeListener.call(this, type, wrapped);
      listener.apply(this, args);
    };
    wrapped.inner = listener;
    return methods.on.call(this, type, wrapped);
  },
  removeListener(this: Emitter, type: string | symbol, listener: Listener) {
    const list = store(this).get(type) ?? [];
    const at = list.findIndex((l) => l === listener || l.inner === listener);
    if (at >= 0) list.splice(at, 1);
    return this;
  },
  off(this: Emitter, type: string | symbol, listener: Listener) {
    return methods.removeListener.call(this, type, listener);
  },
  removeAllListeners(this: Emitter, type?: string | symbol) {
    if (type === undefined) store(this).clear();
    else store(this).delete(type);
    return this;
  },
  listeners(this: Emitter, type: string | symbol) {
    return (store(this).get(type) ?? []).map((l) => l.inner ?? l);
  },
  listenerCount(this: Emitter, type: string | symbol) {
    return store(this).get(type)?.length ?? 0;
  },
  setMaxListeners(this: Emitter) {
    return this;
  },
  emit(this: Emitter, type: string | symbol, ...args: unknown[]) {
    const list = store(this).get(type);
    if (!list || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const listener of [...list]) listener.apply(this, args);
    return true;
  },
};

Object.assign(EventEmitter.prototype, methods);
Object.assign(EventEmitter, {
  listenerCount: (emitter: Emitter, type: string | symbol) =>
    methods.listenerCount.call(emitter, type),
});

export default EventEmitter;
