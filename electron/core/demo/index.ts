/**
 * The demo panel: while the embedded terminal simulator serves the folder, a kiosk may present a virtual
 * card for one of the simulator's personas (the real transport then picks the face file up). Disabled when
 * a real terminal is configured or the admin turned the panel off.
 */
import type { DemoPersona } from '../../../shared/api/index';
import { defineFeature } from '../feature';
import { fail, ok, type RequestTable } from '../requests';
import type { Db } from '../store/index';

export interface DemoSource {
  personas(): DemoPersona[];
  presentCard(personaId: string): { ok: true } | { ok: false; message: string };
}

export interface DemoDeps {
  /** The embedded simulator, when there is one. */
  simulator?: DemoSource;
  /** The admin's switch. */
  enabled: () => boolean;
}

export interface Demo {
  /** The panel is shown: a simulator runs and the admin left it on. */
  available(): boolean;
}

export const demoFeature = defineFeature({
  name: 'demo',
  migrations: [],
  create({ simulator, enabled }: DemoDeps & { db: Db }) {
    const available = () => !!simulator && enabled();
    const handlers: Pick<RequestTable, 'demo.personas' | 'demo.presentCard'> = {
      'demo.personas': () =>
        simulator && available() ? ok(simulator.personas()) : fail('forbidden', 'the demo panel is disabled'),
      'demo.presentCard': (_ctx, { persona }) => {
        if (!simulator || !available()) return fail('forbidden', 'the demo panel is disabled');
        const r = simulator.presentCard(persona);
        return r.ok ? ok({ presented: persona }) : fail('conflict', r.message);
      },
    };
    return { service: { available } satisfies Demo, handlers };
  },
});
