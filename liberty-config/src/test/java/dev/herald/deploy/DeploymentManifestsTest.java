package dev.herald.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests and the Containerfile say what the README promises: two replicas, the
 * three probes on Herald's health endpoints, secrets only by reference, /metrics not routed to the
 * public. No schema validator (kubeconform) is reachable from this build, so the manifests are
 * parsed and checked structurally here.
 */
class DeploymentManifestsTest {

  static final Path DEPLOY =
      Path.of(System.getProperty("user.dir")).resolve("../deploy").normalize();
  static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|_KEY$).*");

  static List<Map<String, Object>> documents = new ArrayList<>();

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (Object document : yaml.loadAll(Files.readString(file))) {
          Map<String, Object> map = (Map<String, Object>) document;
          assertNotNull(map.get("apiVersion"), file + ": apiVersion");
          assertNotNull(map.get("kind"), file + ": kind");
          documents.add(map);
        }
      }
    }
  }

  @Test
  void deploymentRunsTwoReplicasWithTheThreeProbes() {
    Map<String, Object> spec = map(kind("Deployment"), "spec");
    assertEquals(2, spec.get("replicas"));
    Map<String, Object> container = container();
    assertEquals("/health/started", probePath(container, "startupProbe"));
    assertEquals("/health/live", probePath(container, "livenessProbe"));
    assertEquals("/health/ready", probePath(container, "readinessProbe"));
    for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertEquals(9080, map(map(container, probe), "httpGet").get("port"), probe);
    }
  }

  /** A drain takes one replica at a time; replicas spread over nodes; probes outwait the checks. */
  @Test
  void aDrainNeverTakesEveryReplicaAndTheReadinessProbeOutwaitsItsChecks() {
    Map<String, Object> budget = map(kind("PodDisruptionBudget"), "spec");
    assertEquals(1, budget.get("minAvailable"));
    Map<String, Object> labels =
        map(map(map(kind("Deployment"), "spec"), "selector"), "matchLabels");
    assertEquals(labels, map(map(budget, "selector"), "matchLabels"));
    Map<String, Object> pod = map(map(map(kind("Deployment"), "spec"), "template"), "spec");
    assertNotNull(pod.get("topologySpreadConstraints"), "replicas spread over nodes");
    int timeout = (Integer) map(container(), "readinessProbe").get("timeoutSeconds");
    assertTrue(timeout >= 7, "the database check (2 s) and a pooled connection (5 s): " + timeout);
  }

  /** The alerts name only series Herald registers: a renamed metric would silence an alert. */
  @Test
  void everyHeraldSeriesTheAlertsNameIsOneHeraldRegisters() throws IOException {
    String rules = Files.readString(DEPLOY.resolve("k8s/prometheus-rules.yaml"));
    String metrics =
        Files.readString(
            DEPLOY.resolve(
                "../scheduler-ejb/src/main/java/dev/herald/scheduler/engine/EngineMetrics.java"));
    java.util.regex.Matcher series = Pattern.compile("herald_[a-z_]+").matcher(rules);
    int named = 0;
    while (series.find()) {
      named++;
      assertTrue(metrics.contains("\"" + series.group() + "\""), series.group());
    }
    assertTrue(named >= 8, "alerts on Herald's series: " + named);
  }

  @Test
  void secretsAreReferencesNeverValues() {
    for (Map<String, Object> env : env()) {
      String name = (String) env.get("name");
      if (SECRET_NAME.matcher(name).matches() && !name.endsWith("_FILE")) {
        assertFalse(env.containsKey("value"), name + " must come from a Secret, not a literal");
        assertNotNull(map(map(env, "valueFrom"), "secretKeyRef"), name);
      }
    }
    Map<String, Object> dbPassword =
        env().stream().filter(e -> "DB_PASSWORD".equals(e.get("name"))).findFirst().orElseThrow();
    assertEquals("herald-db", map(map(dbPassword, "valueFrom"), "secretKeyRef").get("name"));
    assertFalse(
        documents.stream().anyMatch(d -> "Secret".equals(d.get("kind"))), "no Secret is committed");
  }

  @Test
  void keyFilesAreMountedFromASecret() {
    Set<String> keyFiles =
        env().stream()
            .filter(e -> ((String) e.get("name")).endsWith("_FILE"))
            .map(e -> (String) e.get("value"))
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "/secrets/keys/jwt-private.pem",
            "/secrets/keys/jwt-public.pem",
            "/secrets/keys/data.key"),
        keyFiles);
    Map<String, Object> podSpec = map(map(map(kind("Deployment"), "spec"), "template"), "spec");
    Map<String, Object> keys = named(list(podSpec, "volumes"), "keys");
    assertEquals("herald-keys", map(keys, "secret").get("secretName"));
    Map<String, Object> mount = named(list(container(), "volumeMounts"), "keys");
    assertEquals("/secrets/keys", mount.get("mountPath"));
    assertEquals(Boolean.TRUE, mount.get("readOnly"));
  }

  @Test
  void prodProfileJsonLogsAndAnExplicitCorsOrigin() {
    Map<String, String> values = envValues();
    assertEquals("prod", values.get("HERALD_PROFILE"));
    assertEquals("json", values.get("HERALD_LOG_FORMAT"));
    assertEquals("INFO", values.get("HERALD_CONSOLE_LOG_LEVEL"));
    String origins = values.get("HERALD_CORS_ORIGINS");
    assertTrue(
        origins.startsWith("https://") && !origins.contains("*") && !origins.contains("localhost"),
        origins);
  }

  @Test
  void prodTransportsAreSetExplicitlySoThePreflightLetsThePodStart() {
    Map<String, String> values = envValues();
    boolean dryRunAllowed = "true".equals(values.get("HERALD_ALLOW_DRY_RUN"));
    assertTrue(
        dryRunAllowed
            || ("tdlib".equals(values.get("HERALD_TRANSPORT_SESSIONS"))
                && "botapi".equals(values.get("HERALD_TRANSPORT_USER_BOTS"))),
        "prod refuses the sandbox transports unless HERALD_ALLOW_DRY_RUN=true: " + values);
  }

  @Test
  void onlyTheApiAndTheConsoleAreRoutedToThePublic() {
    List<Object> paths = new ArrayList<>();
    for (Object rule : list(map(kind("Ingress"), "spec"), "rules")) {
      paths.addAll(list(map(asMap(rule), "http"), "paths"));
    }
    List<String> prefixes = paths.stream().map(p -> (String) asMap(p).get("path")).toList();
    assertEquals(List.of("/api/", "/openapi", "/console/"), prefixes);
    assertNotNull(kind("NetworkPolicy"));
  }

  @Test
  void containerfileUsesTheOpenLibertyImageAnAbsoluteAgentPathAndHoldsTdlib() throws IOException {
    String containerfile = Files.readString(DEPLOY.resolve("Containerfile"));
    assertTrue(
        containerfile.contains("FROM icr.io/appcafe/open-liberty:kernel-slim-java17-openj9-ubi"));
    assertTrue(
        containerfile.contains("RUN features.sh") && containerfile.contains("RUN configure.sh"));
    assertFalse(
        containerfile.matches("(?s).*ENV[^\\n]*(PASSWORD|SECRET)=.*"),
        "no secret baked into the image");
    if ("tdlib".equals(envValues().get("HERALD_TRANSPORT_SESSIONS"))) {
      // Else the tdlib transport is DOWN, and /health/ready with it: the pods never get ready.
      assertTrue(
          containerfile.contains(" /opt/herald/tdlib/libtdjson.so")
              && containerfile.contains("HERALD_TDLIB_LIBRARY_PATH=/opt/herald/tdlib/libtdjson.so"),
          "the image holds TDLib and names it");
    }
    String jvmOptions = Files.readString(DEPLOY.resolve("jvm.options"));
    assertTrue(jvmOptions.contains("-javaagent:/config/lib/liberty-config.jar"), jvmOptions);
  }

  private static Map<String, Object> kind(String kind) {
    return documents.stream()
        .filter(d -> kind.equals(d.get("kind")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind));
  }

  private static Map<String, Object> container() {
    Map<String, Object> podSpec = map(map(map(kind("Deployment"), "spec"), "template"), "spec");
    return named(list(podSpec, "containers"), "herald");
  }

  private static List<Map<String, Object>> env() {
    return list(container(), "env").stream().map(DeploymentManifestsTest::asMap).toList();
  }

  /** The container's environment variables that have a literal value, by name. */
  private static Map<String, String> envValues() {
    return env().stream()
        .filter(e -> e.containsKey("value"))
        .collect(
            Collectors.toMap(e -> (String) e.get("name"), e -> String.valueOf(e.get("value"))));
  }

  private static String probePath(Map<String, Object> container, String probe) {
    return (String) map(map(container, probe), "httpGet").get("path");
  }

  private static Map<String, Object> named(List<Object> items, String name) {
    return items.stream()
        .map(DeploymentManifestsTest::asMap)
        .filter(m -> name.equals(m.get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing named " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertNotNull(value, key);
    return asMap(value);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertNotNull(value, key);
    return (List<Object>) value;
  }
}
