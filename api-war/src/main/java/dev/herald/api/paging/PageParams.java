package dev.herald.api.paging;

import dev.herald.domain.shared.PageRequest;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of every list ({@code @BeanParam}). Both are read as text so that a
 * malformed value is a 400 problem naming the parameter, not JAX-RS's bare 404.
 */
public class PageParams {

  @QueryParam("cursor")
  @Parameter(description = "The next_cursor of the previous page; absent for the first page")
  String cursor;

  @QueryParam("limit")
  @Parameter(description = "Items per page, 1 to 200; 50 when absent")
  String limit;

  public PageRequest request() {
    return PageRequest.parse(cursor, limit);
  }
}
