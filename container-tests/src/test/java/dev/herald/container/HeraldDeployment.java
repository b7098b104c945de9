package dev.herald.container;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployment of every test class: Herald's EAR as the ear module built it (the scheduler EJB
 * module; domain, persistence, telegram and their libraries in {@code lib/}; its application.xml
 * with initialize-in-order), with the API WAR replaced by a test WAR holding the test class.
 * Arquillian runs the tests in that WAR. The API is left out because it is the system tests' part
 * (the ear module, over HTTP) and its start (JAX-RS, OpenAPI, the bootstrap owner's password hash)
 * would double every deployment's time here.
 */
final class HeraldDeployment {

  /** Not "herald": the server.xml shared with the real server names an application so. */
  private static final String EAR_NAME = "herald-under-test.ear";

  private static final String TEST_WAR = "container-tests.war";

  private static final String BEANS_XML =
      """
      <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0"
             bean-discovery-mode="annotated"/>
      """;

  private HeraldDeployment() {}

  static EnterpriseArchive with(Class<?> testClass) {
    File built = new File(System.getProperty("herald.ear", "target/deployment/herald.ear"));
    EnterpriseArchive ear =
        ShrinkWrap.create(ZipImporter.class, EAR_NAME)
            .importFrom(built)
            .as(EnterpriseArchive.class);
    WebArchive tests =
        ShrinkWrap.create(WebArchive.class, TEST_WAR)
            .addClasses(testClass, Poll.class)
            .addAsWebInfResource(new StringAsset(BEANS_XML), "beans.xml");
    String applicationXml = applicationXml(ear);
    List.copyOf(ear.getContent(Filters.include("/[^/]*\\.war")).keySet()).forEach(ear::delete);
    ear.addAsModule(Testable.archiveToTest(tests));
    ear.setApplicationXML(new StringAsset(withTestWarOnly(applicationXml)));
    return ear;
  }

  private static String applicationXml(EnterpriseArchive ear) {
    try (InputStream in = ear.get("META-INF/application.xml").getAsset().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The EAR's application.xml without its web modules and with the test WAR listed last (a module
   * not listed there is not deployed).
   */
  static String withTestWarOnly(String applicationXml) {
    String withoutWars =
        applicationXml.replaceAll("(?s)\\s*<module>\\s*<web>.*?</web>\\s*</module>", "");
    int end = withoutWars.lastIndexOf("</module>");
    if (end < 0) {
      throw new IllegalStateException("The EAR's application.xml lists no EJB module");
    }
    end += "</module>".length();
    String module =
        "\n  <module><web><web-uri>"
            + TEST_WAR
            + "</web-uri><context-root>/container-tests</context-root></web></module>";
    return withoutWars.substring(0, end) + module + withoutWars.substring(end);
  }
}
