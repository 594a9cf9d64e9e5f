/**
 * Builds the core from features: `add` migrates a feature's tables (store/migrate.ts) and creates it;
 * `table` merges the request handlers (one owner per API name); `subscribe`, `start` and `close` run over
 * every feature in the order they were added (close in reverse).
 */
import type { Caller, EmitEvent, FeatureDefinition, FeatureParts } from './feature';
import type { Logger } from './logger';
import { buildRequestTable, type RequestTable } from './requests';
import { migrateFeature, type Db } from './store/index';

export interface Assembly {
  add<D, S>(feature: FeatureDefinition<D, S>, deps: D): S;
  /** Registers the migrations of a module that is not a feature (e.g. the terminal transport). */
  migrate(name: string, migrations: FeatureDefinition<unknown, unknown>['migrations']): void;
  table(): Partial<RequestTable>;
  subscribe(caller: Caller, emit: EmitEvent): () => void;
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createAssembly(db: Db, log: Logger): Assembly {
  const added: { name: string; parts: FeatureParts<unknown> }[] = [];
  return {
    add(feature, deps) {
      if (added.some((a) => a.name === feature.name)) throw new Error(`feature ${feature.name} added twice`);
      migrateFeature(db, feature.name, feature.migrations);
      const parts = feature.create({ ...deps, db });
      added.push({ name: feature.name, parts });
      return parts.service;
    },
    migrate(name, migrations) {
      migrateFeature(db, name, migrations);
    },
    table: () => buildRequestTable(added.map((a) => ({ feature: a.name, handlers: a.parts.handlers ?? {} }))),
    subscribe(caller, emit) {
      const offs = added.flatMap((a) => (a.parts.subscribe ? [a.parts.subscribe(caller, emit)] : []));
      return () => {
        for (const off of offs) off();
      };
    },
    async start() {
      for (const a of added) await a.parts.start?.();
    },
    async close() {
      for (const a of [...added].reverse()) {
        try {
          await a.parts.close?.();
        } catch (e) {
          log.error('feature did not close cleanly', {
            feature: a.name,
            error: e instanceof Error ? e.message : String(e),
          });
        }
      }
    },
  };
}
