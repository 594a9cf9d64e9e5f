import { ApiProvider, type RendererApi } from '../api';
import { AdminApp } from '../features/admin/AdminApp';
import { DisplayRoute } from '../features/display/DisplayRoute';
import { PatientApp } from '../features/patient/PatientApp';
import { StaffApp } from '../features/staff/StaffApp';
import { useDocumentSettings } from './useDocumentSettings';

/** One build, four audiences: the role comes from the transport (Electron bridge, or the URL path). */
export function App({ api }: { api: RendererApi }) {
  return (
    <ApiProvider api={api}>
      <RoleView role={api.role} />
    </ApiProvider>
  );
}

function RoleView({ role }: { role: RendererApi['role'] }) {
  useDocumentSettings();
  if (role === 'staff') return <StaffApp />;
  if (role === 'admin') return <AdminApp />;
  if (role === 'display') return <DisplayRoute />;
  return <PatientApp />;
}
