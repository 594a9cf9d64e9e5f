import { useEffect } from 'react';
import { useStorageFailing } from '../../stores/status';
import { useStatusSync } from '../../stores/useStatusSync';
import { useSessionId, useSessionState } from './store/session';
import { CardFailedScreen } from './screens/CardFailedScreen';
import { ChooseDocumentScreen } from './screens/ChooseDocumentScreen';
import { CompletedScreen } from './screens/CompletedScreen';
import { EnterNumbersScreen } from './screens/EnterNumbersScreen';
import { IdleGuard } from './components/IdleGuard';
import { ReadCardScreen } from './screens/ReadCardScreen';
import { SelfDeclarationScreen } from './screens/SelfDeclarationScreen';
import { StartScreen } from './screens/StartScreen';
import { PatientCardScreen } from './screens/PatientCardScreen';
import { StorageDeskScreen } from './screens/StorageDeskScreen';
import { useInsurerShortcutsLoader, usePatientFlow, usePatientSync, type PatientFlow } from './hooks/usePatientFlow';
import { useSessionResume } from './hooks/useSessionResume';
import { useTicketPrint } from './hooks/useTicketPrint';
import type { TicketPrintResult } from '../../../../shared/api/index';
import { ConfirmSelfPayScreen, RefusedScreen, StaffConfirmScreen, VerifyingScreen } from './screens/WaitScreens';
import type { SessionState } from '../../../../shared/flow/session';
import { useStepMark } from './store/stepGuard';
import './styles/frame.css';
import './styles/entry.css';
import './styles/screens.css';
import './styles/landscape.css';
import './styles/visit.css';

/** The patient kiosk: one screen per session state, drawn from the snapshot the core pushes. */
export function PatientApp() {
  useStatusSync();
  usePatientSync();
  useInsurerShortcutsLoader();
  useSessionResume();
  const flow = usePatientFlow();
  const state = useSessionState();
  const sessionId = useSessionId();
  const print = useTicketPrint();
  const storageFailing = useStorageFailing();
  useStepMark(`${sessionId ?? 'none'}:${state ?? 'start'}`);

  // Cancelled or idled out (here, by staff, or by the core): nothing of the patient stays on screen.
  useEffect(() => {
    if (state === 'cancelled' || state === 'expired') flow.finish();
  }, [state, flow]);

  return (
    <>
      {/* Keyed by session (and state), so no half-typed field survives into another screen or patient. */}
      {/* Check-ins cannot be recorded: to the desk (a finished or staff-held visit keeps its screen). */}
      {storageFailing && state !== 'completed' && state !== 'staff-confirm' ? (
        <StorageDeskScreen key={`storage:${sessionId ?? 'none'}`} flow={flow} hasSession={sessionId !== null} />
      ) : (
        <PatientScreen
          key={`${sessionId ?? 'none'}:${state ?? 'start'}`}
          state={state}
          flow={flow}
          print={print?.sessionId === sessionId ? print : undefined}
        />
      )}
      <IdleGuard flow={flow} />
    </>
  );
}

function PatientScreen({
  state,
  flow,
  print,
}: {
  state: SessionState | null;
  flow: PatientFlow;
  print: TicketPrintResult | undefined;
}) {
  switch (state) {
    case 'patient-card':
      return <PatientCardScreen flow={flow} />;
    case 'choose-document':
      return <ChooseDocumentScreen flow={flow} />;
    case 'read-card':
      return <ReadCardScreen flow={flow} />;
    case 'card-failed':
      return <CardFailedScreen flow={flow} />;
    case 'enter-numbers':
      return <EnterNumbersScreen flow={flow} />;
    case 'verifying':
      return <VerifyingScreen flow={flow} />;
    case 'self-declaration':
      return <SelfDeclarationScreen flow={flow} />;
    case 'confirm-self-pay':
      return <ConfirmSelfPayScreen flow={flow} />;
    case 'staff-confirm':
      return <StaffConfirmScreen />;
    case 'refused':
      return <RefusedScreen flow={flow} />;
    case 'completed':
      return <CompletedScreen flow={flow} print={print} />;
    default:
      return <StartScreen flow={flow} />;
  }
}
