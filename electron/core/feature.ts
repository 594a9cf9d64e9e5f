/**
 * The feature contract: the unit the core is built from.
 *
 * A feature lives in `electron/core/<name>/` and exports a `FeatureDefinition`: its name, its numbered
 * migrations (run by the store's migration runner before `create`, in the order the composition root adds
 * features), and `create(deps)`, which builds its service from explicit dependencies and returns:
 * - `service`: what other features may use (passed to them explicitly by the composition root);
 * - `handlers`: typed request handlers for the API names it owns (see requests.ts; each name has exactly
 *   one owner, checked when the core starts and in test/electron/core/requests.test.ts);
 * - `subscribe`: pushes its ApiEvents to a caller (it decides the audience: own kiosk, staff only …);
 * - `start` / `close`: timers, pollers, anything to begin after every feature exists, or to end.
 * The composition root (index.ts) adds a feature with one line: `const x = app.add(feature, deps)`.
 */
import type { ApiEventName, ApiEvents, Role } from '../../shared/api/index';
import type { Db, Migration } from './store/index';
import type { RequestTable } from './requests';

export interface Caller {
  role: Role;
  kioskId: string;
  /**
   * The signed-in person behind a staff or admin caller, set by the identity gate
   * (staff-accounts/gate.ts) from the server-side sign-in — never from anything the client sends. Audited
   * actions name this person; a name typed into a request is not trusted.
   */
  actor?: { accountId: string; name: string };
}

/** Pushes one typed event to one caller. */
export type EmitEvent = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

export interface FeatureParts<S> {
  service: S;
  handlers?: Partial<RequestTable>;
  subscribe?: (caller: Caller, emit: EmitEvent) => () => void;
  start?: () => void | Promise<void>;
  close?: () => void | Promise<void>;
}

export interface FeatureDefinition<D, S> {
  name: string;
  migrations: readonly Migration[];
  create(deps: D & { db: Db }): FeatureParts<S>;
}

export function defineFeature<D, S>(definition: FeatureDefinition<D, S>): FeatureDefinition<D, S> {
  return definition;
}

/** A listener set whose listeners cannot break the emitter (a failing listener is logged by the caller). */
export function createListeners<T>(onError?: (e: unknown) => void) {
  const set = new Set<(value: T) => void>();
  return {
    on(listener: (value: T) => void): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(value: T): void {
      for (const l of [...set]) {
        try {
          l(value);
        } catch (e) {
          onError?.(e);
        }
      }
    },
    clear: () => set.clear(),
    get size() {
      return set.size;
    },
  };
}
