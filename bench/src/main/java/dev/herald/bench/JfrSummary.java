package dev.herald.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JFR recording's execution samples were doing, in a few lines: the share of samples with a
 * component anywhere on the stack (inclusive, so shares overlap), Herald's own methods likewise,
 * and the top of stack.
 */
final class JfrSummary {

  /** Components by package prefix, in the order a request meets them. */
  static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

  static {
    COMPONENTS.put("Liberty HTTP channel", "com.ibm.ws.http.");
    COMPONENTS.put("Liberty security (MP-JWT TAI, authentication)", "com.ibm.ws.security.");
    COMPONENTS.put("RESTEasy", "org.jboss.resteasy.");
    COMPONENTS.put("Weld (CDI)", "org.jboss.weld.");
    COMPONENTS.put("JTA (com.ibm.tx)", "com.ibm.tx.");
    COMPONENTS.put("connection manager (com.ibm.ejs.j2c)", "com.ibm.ejs.j2c.");
    COMPONENTS.put("EclipseLink (JPA)", "org.eclipse.persistence.");
    COMPONENTS.put("PostgreSQL driver", "org.postgresql.");
    COMPONENTS.put("Bucket4j", "io.github.bucket4j.");
    COMPONENTS.put("jose4j / SmallRye JWT", "org.jose4j.");
    COMPONENTS.put("MicroProfile Config (SmallRye)", "io.smallrye.config.");
    COMPONENTS.put("JSON-B (Yasson)", "org.eclipse.yasson.");
    COMPONENTS.put("logging", "java.util.logging.");
    COMPONENTS.put("Herald (dev.herald)", "dev.herald.");
  }

  /**
   * Liberty's own authentication (the MP-JWT TAI validating the token) runs before any Herald
   * filter.
   */
  static final String BEFORE_FILTERS =
      "Liberty security with no Herald frame on the stack (token validation before the filters)";

  private static final Pattern FRAME = Pattern.compile("^\\s+([\\w$.<>]+)\\(.*line:.*$");

  private JfrSummary() {}

  static List<String> of(String jfrFile) {
    String jfr = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
    String out =
        BenchServer.run(
            List.of(
                jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", jfrFile));
    Map<String, Integer> components = new HashMap<>();
    Map<String, Integer> herald = new HashMap<>();
    Map<String, Integer> top = new HashMap<>();
    int samples = 0;
    List<String> stack = new ArrayList<>();
    for (String line : (out + "\njdk.ExecutionSample").split("\n")) {
      if (line.startsWith("jdk.ExecutionSample")) {
        if (!stack.isEmpty()) {
          samples++;
          count(stack, components, herald, top);
        }
        stack.clear();
        continue;
      }
      Matcher m = FRAME.matcher(line);
      if (m.matches()) {
        stack.add(m.group(1));
      }
    }
    int n = Math.max(1, samples);
    List<String> lines = new ArrayList<>();
    lines.add(
        "JFR execution samples: "
            + samples
            + "; share with the component on the stack (inclusive, overlapping):");
    COMPONENTS
        .keySet()
        .forEach(
            name ->
                lines.add(
                    String.format(
                        "    %5.1f%%  %s", 100.0 * components.getOrDefault(name, 0) / n, name)));
    lines.add(
        String.format(
            "    %5.1f%%  %s",
            100.0 * components.getOrDefault(BEFORE_FILTERS, 0) / n, BEFORE_FILTERS));
    lines.add("Herald methods on the stack (inclusive), top 12:");
    top(herald, 12)
        .forEach(
            e -> lines.add(String.format("    %5.1f%%  %s", 100.0 * e.getValue() / n, e.getKey())));
    lines.add("top of stack, top 8:");
    top(top, 8)
        .forEach(
            e -> lines.add(String.format("    %5.1f%%  %s", 100.0 * e.getValue() / n, e.getKey())));
    return lines;
  }

  private static void count(
      List<String> stack,
      Map<String, Integer> components,
      Map<String, Integer> herald,
      Map<String, Integer> top) {
    top.merge(stack.get(0), 1, Integer::sum);
    COMPONENTS.forEach(
        (name, prefix) -> {
          if (stack.stream().anyMatch(f -> f.startsWith(prefix))) {
            components.merge(name, 1, Integer::sum);
          }
        });
    if (stack.stream().anyMatch(f -> f.startsWith("com.ibm.ws.security."))
        && stack.stream().noneMatch(f -> f.startsWith("dev.herald."))) {
      components.merge(BEFORE_FILTERS, 1, Integer::sum);
    }
    Set<String> seen = new HashSet<>();
    stack.stream()
        .filter(f -> f.startsWith("dev.herald.") && seen.add(f))
        .forEach(f -> herald.merge(f, 1, Integer::sum));
  }

  private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int limit) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .toList();
  }
}
