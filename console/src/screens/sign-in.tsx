import { useState } from "preact/hooks";
import { post } from "../api";
import type { ApiProblem } from "../problem";
import { Session, sessionOf } from "../session";
import type { IssuedToken } from "../types";
import { Field, Notice, ProblemAlert } from "../ui";

/** Sign in with email and password, or with an access code (its first use creates the account). */
export function SignIn({ message, onSignedIn }: { message: string | null; onSignedIn: (s: Session) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [codeProblem, setCodeProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (issued: IssuedToken) => {
    const session = sessionOf(issued.access_token, issued.expires_in);
    onSignedIn(session);
  };

  const withPassword = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await finish(await post<IssuedToken>("/auth/login", { email, password }));
    } catch (err) {
      setProblem(err as ApiProblem);
    } finally {
      setBusy(false);
    }
  };

  const withCode = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await finish(await post<IssuedToken>("/auth/access-code", { code }));
    } catch (err) {
      setCodeProblem(err as ApiProblem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" class="sign-in">
      <h1 id="screen-title" tabIndex={-1}>
        Sign in to Herald
      </h1>
      {message && <Notice>{message}</Notice>}
      <div class="columns">
        <form class="card" onSubmit={withPassword} aria-labelledby="password-heading">
          <h2 id="password-heading">With your password</h2>
          <ProblemAlert problem={problem} />
          <Field label="Email" error={problem?.forField("email")}>
            {(p) => <input {...p} type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
          <Field label="Password" error={problem?.forField("password")}>
            {(p) => (
              <input {...p} type="password" name="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            Sign in
          </button>
        </form>
        <form class="card" onSubmit={withCode} aria-labelledby="code-heading">
          <h2 id="code-heading">With an access code</h2>
          <ProblemAlert problem={codeProblem} />
          <Field label="Access code" error={codeProblem?.forField("code")} hint="The code you were given; its first use creates your account.">
            {(p) => <input {...p} type="text" name="code" autoComplete="one-time-code" required value={code} onInput={(e) => setCode(e.currentTarget.value)} />}
          </Field>
          <button type="submit" disabled={busy}>
            Use code
          </button>
        </form>
      </div>
    </main>
  );
}
