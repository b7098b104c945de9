// The shell: who is signed in, which screen the hash route names, the navigation, sign-out, and
// the way back to sign-in when the token expires. Hash routes need no server rewrites.

import { useEffect, useState } from "preact/hooks";
import { useToken, whenUnauthorized } from "./api";
import { Session, clearSession, isAdmin, loadSession, saveSession } from "./session";
import { SignIn } from "./screens/sign-in";
import { Dashboard } from "./screens/dashboard";
import { BotEditor } from "./screens/bot-editor";
import { ActivityLog } from "./screens/activity-log";
import { Deliveries } from "./screens/deliveries";
import { Targets } from "./screens/targets";
import { OwnBot } from "./screens/own-bot";
import { Media } from "./screens/media";
import { Tenants } from "./admin/tenants";
import { AccessCodes } from "./admin/access-codes";
import { Bots } from "./admin/bots";
import { Sessions } from "./admin/sessions";
import { ApiPairs } from "./admin/api-pairs";
import { AuditLog } from "./admin/audit-log";
import { SandboxFaults } from "./admin/sandbox";

interface Route {
  path: string;
  label: string;
  admin: boolean;
  render: (session: Session) => preact.JSX.Element;
}

const ROUTES: Route[] = [
  { path: "/dashboard", label: "Dashboard", admin: false, render: (s) => <Dashboard session={s} /> },
  { path: "/bot", label: "Bot", admin: false, render: () => <BotEditor /> },
  { path: "/media", label: "Media", admin: false, render: () => <Media /> },
  { path: "/activity", label: "Activity", admin: false, render: () => <ActivityLog /> },
  { path: "/deliveries", label: "Deliveries", admin: false, render: () => <Deliveries /> },
  { path: "/targets", label: "Targets", admin: false, render: () => <Targets /> },
  { path: "/own-bot", label: "Own bot", admin: false, render: () => <OwnBot /> },
  { path: "/admin/tenants", label: "Tenants", admin: true, render: () => <Tenants /> },
  { path: "/admin/access-codes", label: "Access codes", admin: true, render: () => <AccessCodes /> },
  { path: "/admin/bots", label: "Bots", admin: true, render: () => <Bots /> },
  { path: "/admin/sessions", label: "Sessions", admin: true, render: () => <Sessions /> },
  { path: "/admin/api-pairs", label: "API pairs", admin: true, render: () => <ApiPairs /> },
  { path: "/admin/audit", label: "Audit log", admin: true, render: () => <AuditLog /> },
  { path: "/admin/sandbox", label: "Sandbox", admin: true, render: () => <SandboxFaults /> },
];

const EXPIRED = "Your session has expired. Sign in again to continue.";

function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, "");
  return hash.startsWith("/") ? hash : "/dashboard";
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function App() {
  const [initial] = useState(() => loadSession());
  const [session, setSession] = useState<Session | null>(initial.session);
  const [path, setPath] = useState(currentPath());
  const [message, setMessage] = useState<string | null>(initial.expired ? EXPIRED : null);
  useToken(session?.token ?? null);

  const signOut = (why: string | null) => {
    clearSession();
    useToken(null);
    setSession(null);
    setMessage(why);
  };

  useEffect(() => {
    const onHash = () => setPath(currentPath());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  useEffect(() => {
    whenUnauthorized(() => signOut(EXPIRED));
    if (!session) return;
    const left = session.expiresAt - Date.now();
    const timer = setTimeout(() => signOut(EXPIRED), Math.max(0, left));
    return () => clearTimeout(timer);
  }, [session]);

  useEffect(() => {
    document.getElementById("screen-title")?.focus();
  }, [path, session]);

  if (!session) {
    return (
      <SignIn
        message={message}
        onSignedIn={(s) => {
          saveSession(s);
          useToken(s.token);
          setMessage(null);
          setSession(s);
          if (path === "/sign-in" || (!isAdmin(s) && path.startsWith("/admin"))) navigate("/dashboard");
        }}
      />
    );
  }

  const visible = ROUTES.filter((r) => !r.admin || isAdmin(session));
  const route = visible.find((r) => r.path === path) ?? visible[0];
  return (
    <div class="shell">
      <a
        class="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="top">
        <span class="brand">Herald</span>
        <nav aria-label="Screens">
          <ul>
            {visible.map((r) => (
              <li key={r.path}>
                <a href={`#${r.path}`} aria-current={r === route ? "page" : undefined}>
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" class="secondary" onClick={() => signOut("You have signed out.")}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>{route.render(session)}</main>
    </div>
  );
}
