import { useEffect, useState } from 'react';
import type { TicketPrintResult } from '../../../../../shared/api/index';
import { useApi } from '../../../api';

/**
 * The 受付票 print result of this kiosk's check-ins ('ticket.printed'), kept from the moment the kiosk
 * starts so a print that finishes before the completed screen is drawn is not missed.
 */
export function useTicketPrint(): TicketPrintResult | undefined {
  const api = useApi();
  const [last, setLast] = useState<TicketPrintResult | undefined>(undefined);
  useEffect(() => api.on('ticket.printed', setLast), [api]);
  return last;
}
