/**
 * Typed input survives a reload (issue 10): what the patient has typed on an entry screen is kept on the
 * core's session as a draft (`save-draft`), never in the page. It is saved when the question changes and
 * after a short pause in typing; a reloaded page reads it back from the session snapshot.
 */
import { useEffect, useRef } from 'react';
import type { PatientDraft } from '../../../../../shared/flow/session';
import type { PatientFlow } from './usePatientFlow';
import { currentSession } from '../store/session';

/** A pause in typing this long saves the draft. */
export const DRAFT_PAUSE_MS = 800;

/** The draft the session holds for this screen, read once when the screen appears. */
export function restoredDraft(): PatientDraft {
  return currentSession()?.draft ?? {};
}

const same = (a: PatientDraft | undefined, b: PatientDraft) => JSON.stringify(a ?? {}) === JSON.stringify(b);

export function useDraftSaver(flow: PatientFlow, draft: PatientDraft): void {
  const text = JSON.stringify(draft);
  const step = draft.step ?? '';
  const lastStep = useRef(step);
  useEffect(() => {
    const value = JSON.parse(text) as PatientDraft;
    const save = () => {
      if (!same(currentSession()?.draft, value)) void flow.saveDraft(value);
    };
    // A new question is a moment worth keeping at once; typing waits for a pause.
    if (lastStep.current !== step) {
      lastStep.current = step;
      save();
      return;
    }
    const timer = setTimeout(save, DRAFT_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [flow, text, step]);
}
