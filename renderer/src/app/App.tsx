import { ApiProvider, useIdentity, type RendererApi } from '../api';
import { AdminApp } from '../features/admin/AdminApp';
import { PairDevice } from '../features/auth/PairDevice';
import { SignInGate } from '../features/auth/SignInGate';
import { DisplayRoute } from '../features/display/DisplayRoute';
import { PatientApp } from '../features/patient/PatientApp';
import { StaffApp } from '../features/staff/StaffApp';
import { useDocumentSettings } from './useDocumentSettings';

/**
 * One build, four audiences: the screen comes from the transport (Electron window, or the URL path);
 * what it may show comes from who the core says this window is. Staff and admin screens sit behind a
 * sign-in; a kiosk page the core does not know (a tablet on the LAN) asks to be paired first, and so does the
 * waiting-room display (/display), even on this machine: a public screen is an enrolled device.
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
  const display = identity?.kind === 'device' && identity.deviceKind === 'display';
  if (display) return <DisplayRoute />;
  if (role === 'display' || identity?.kind === 'anonymous') return <PairDevice />;
  return <PatientApp />;
}
