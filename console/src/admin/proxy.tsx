import { useState } from "preact/hooks";
import { del, put } from "../api";
import type { ProxyView } from "../types";
import { Field, Notice, ProblemAlert, useActions } from "../ui";

const TYPES = ["SOCKS5", "HTTP", "MTPROTO"];

/** A proxy as the tables show it: type, server and port, the user name, whether a secret is set. */
export function proxyText(proxy: ProxyView | null | undefined): string {
  if (!proxy) return "—";
  const parts = [proxy.username, proxy.has_secret ? "secret set" : ""].filter(Boolean).join(", ");
  return `${proxy.type} ${proxy.server}:${proxy.port}${parts ? ` (${parts})` : ""}`;
}

/**
 * Sets or clears the proxy of a session or an API pair ({@code PUT/DELETE {base}/{id}/proxy}). The
 * secret (SOCKS5/HTTP password, MTProto secret) is write-only: the server never sends it back.
 */
export function ProxyForm({ what, title, base, onSaved }: { what: string; title: string; base: string; onSaved: () => void }) {
  const [id, setId] = useState("");
  const [type, setType] = useState("SOCKS5");
  const [server, setServer] = useState("");
  const [port, setPort] = useState("");
  const [username, setUsername] = useState("");
  const [secret, setSecret] = useState("");
  const { problem, notice, run: act } = useActions();

  const run = (clear: boolean) =>
    act(async () => {
      const path = `${base}/${Number(id)}/proxy`;
      if (clear) await del(path);
      else await put(path, { type, server, port: port ? Number(port) : null, username: username || null, secret: secret || null });
      setSecret("");
      onSaved();
      return clear ? `Proxy of ${what} ${id} cleared.` : `Proxy of ${what} ${id} set.`;
    });

  const submit = (e: Event) => {
    e.preventDefault();
    run(false);
  };

  return (
    <form class="card" onSubmit={submit} aria-label={title}>
      <h2>{title}</h2>
      <ProblemAlert problem={problem} />
      {notice && <Notice>{notice}</Notice>}
      <Field label={`${what[0].toUpperCase()}${what.slice(1)} id`}>
        {(p) => <input {...p} name="proxy_target" type="number" min={1} required value={id} onInput={(e) => setId(e.currentTarget.value)} />}
      </Field>
      <Field label="Proxy type" error={problem?.forField("type")}>
        {(p) => (
          <select {...p} name="proxy_type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Proxy server" error={problem?.forField("server")} hint="Host name or IP address, without scheme or port.">
        {(p) => <input {...p} name="proxy_server" type="text" value={server} onInput={(e) => setServer(e.currentTarget.value)} />}
      </Field>
      <Field label="Proxy port" error={problem?.forField("port")}>
        {(p) => <input {...p} name="proxy_port" type="number" value={port} onInput={(e) => setPort(e.currentTarget.value)} />}
      </Field>
      <Field label="Proxy user name" error={problem?.forField("username")} hint="SOCKS5 and HTTP only.">
        {(p) => <input {...p} name="proxy_username" type="text" autoComplete="off" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />}
      </Field>
      <Field label="Proxy password or MTProto secret" error={problem?.forField("secret")} hint="Write-only: encrypted at rest, never shown again.">
        {(p) => <input {...p} name="proxy_secret" type="password" autoComplete="off" value={secret} onInput={(e) => setSecret(e.currentTarget.value)} />}
      </Field>
      <button type="submit">Set proxy</button>{" "}
      <button type="button" class="secondary" onClick={() => run(true)}>
        Clear proxy
      </button>
    </form>
  );
}
