import { useState } from "preact/hooks";
import { post } from "../api";
import type { ApiProblem } from "../problem";
import type { Plan } from "../types";
import { Field, ProblemAlert, Screen } from "../ui";
import { EMPTY_PLAN, PlanDraft, PlanFields, planBody } from "./plan-fields";

interface CodesView {
  codes: string[];
  plan: Plan;
  notice: string | null;
}

/** Creates access codes bound to a plan. They are shown once: Herald stores only their hashes. */
export function AccessCodes() {
  const [count, setCount] = useState("1");
  const [plan, setPlan] = useState<PlanDraft>(EMPTY_PLAN);
  const [created, setCreated] = useState<CodesView | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const create = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    try {
      setCreated(await post<CodesView>("/admin/access-codes", { count: Number(count), plan: planBody(plan) }));
    } catch (err) {
      setProblem(err as ApiProblem);
    }
  };

  return (
    <Screen title="Access codes">
      <form class="card" onSubmit={create}>
        <ProblemAlert problem={problem} />
        <Field label="How many codes (1 to 100)" error={problem?.forField("count")}>
          {(p) => <input {...p} type="number" min={1} max={100} required value={count} onInput={(e) => setCount(e.currentTarget.value)} />}
        </Field>
        <PlanFields draft={plan} onChange={setPlan} problem={problem} prefix="plan." />
        <button type="submit">Create codes</button>
      </form>
      {created && (
        <section class="card" aria-labelledby="codes-heading">
          <h2 id="codes-heading">New codes: copy them now</h2>
          <p class="warning">{created.notice ?? "They are shown only once."}</p>
          <ul class="codes">
            {created.codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={() => setCreated(null)}>
            Done, hide them
          </button>
        </section>
      )}
    </Screen>
  );
}
