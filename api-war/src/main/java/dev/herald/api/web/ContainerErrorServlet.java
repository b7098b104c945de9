package dev.herald.api.web;

import dev.herald.api.problem.ServletProblems;
import dev.herald.domain.shared.ProblemType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page (web.xml) for what the container refuses before any filter runs, such as a path
 * with an encoded slash, backslash or NUL: a problem instead of the container's HTML page.
 */
public class ContainerErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String MALFORMED_PATH =
      "The request path has an encoded slash, backslash, dot segment or fragment; send the path"
          + " without them.";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 400;
    if (status == 400) {
      ServletProblems.write(request, response, ProblemType.BAD_REQUEST, MALFORMED_PATH);
    } else {
      ServletProblems.write(request, response, status);
    }
  }
}
