import { useEffect, useState } from "react";
import { OFFICE_READY_TIMEOUT_MS, OfficeLike, OfficeStatus, PENDING, watchOffice } from "../../excel/office-ready";

/**
 * The pane's view of Office readiness (see `watchOffice`): starts "pending",
 * then "ready"/"outside"/"timeout"/"unavailable". Never blocks rendering.
 */
export function useOfficeStatus(office: OfficeLike | undefined, timeoutMs: number = OFFICE_READY_TIMEOUT_MS): OfficeStatus {
  const [status, setStatus] = useState<OfficeStatus>(PENDING);
  useEffect(() => watchOffice(office, timeoutMs, setStatus), [office, timeoutMs]);
  return status;
}
