import { ApiProvider, useIdentity, type RendererApi } from '../api';
import { AdminApp } from '../features/admin/AdminApp';
import { DisplayEnrolled, PairDevice } from '../features/auth/PairDevice';
import { SignInGate } from '../features/auth/SignInGate';
import { PatientApp } from '../features/patient/PatientApp';
import { StaffApp } from '../features/staff/StaffApp';
import { useDocumentSettings } from './useDocumentSettings';

/**
 * One build, three audiences: the screen comes from the transport (Electron window, or the URL path);
 * what it may show comes from who the core says this window is. Staff and admin screens sit behind a
 * sign-in; a kiosk page the core does not know (a tablet on the LAN) asks to be paired first.
 */
export function App({ api }: { api: RendererApi }) {
  return (
    <ApiProvider api={api}>
      <RoleView role={api.role} />
    </ApiProvider>
  );
}

function RoleView({ role }: { role: RendererApi['role'] }) {
  useDocumentSettings();
  const identity = useIdentity();
  if (role === 'staff')
    return (
      <SignInGate need="staff">
        <StaffApp />
      </SignInGate>
    );
  if (role === 'admin')
    return (
      <SignInGate need="admin">
        <AdminApp />
      </SignInGate>
    );
  if (identity?.kind === 'anonymous') return <PairDevice />;
  if (identity?.kind === 'device' && identity.deviceKind === 'display')
    return <DisplayEnrolled label={identity.label} />;
  return <PatientApp />;
}
