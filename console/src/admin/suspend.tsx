import { useState } from "preact/hooks";
import { post } from "../api";
import type { ApiProblem } from "../problem";
import type { AdminBot } from "../types";

/**
 * Suspend a tenant's bot with a reason (kept in the audit log and shown to the tenant), or
 * activate a suspended one. Reports the updated bot, or the problem.
 */
export function SuspendControls({ accountId, suspended, onDone, onProblem }: { accountId: number; suspended: boolean; onDone: (bot: AdminBot, message: string) => void; onProblem: (p: ApiProblem) => void }) {
  const [reason, setReason] = useState("");
  const act = async (what: "suspend" | "activate") => {
    try {
      const bot = await post<AdminBot>(`/admin/bots/${accountId}/${what}`, what === "suspend" ? { reason } : undefined);
      setReason("");
      onDone(bot, `Tenant ${accountId}'s bot ${what === "suspend" ? "suspended" : "activated"}.`);
    } catch (e) {
      onProblem(e as ApiProblem);
    }
  };
  if (suspended) {
    return (
      <button type="button" onClick={() => act("activate")}>
        Activate
      </button>
    );
  }
  return (
    <>
      <label class="inline">
        <span>Reason for suspending tenant {accountId}</span>
        <input type="text" name={`reason-${accountId}`} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="button" class="danger" onClick={() => act("suspend")}>
        Suspend
      </button>
    </>
  );
}
