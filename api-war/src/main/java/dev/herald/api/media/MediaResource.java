package dev.herald.api.media;

import dev.herald.api.account.AuthenticatedResource;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.domain.media.MediaService;
import dev.herald.domain.media.MediaUpload;
import dev.herald.domain.media.Medium;
import dev.herald.domain.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The caller's media: upload one file per request as the multipart field {@code file} ({@code curl
 * -F file=@photo.jpg}), list, read, delete. Another account's medium is a 404.
 */
@Path("/media")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class MediaResource extends AuthenticatedResource {

  /** The multipart field that carries the file. */
  static final String FILE_FIELD = "file";

  @Inject MediaService media;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary =
          "Upload a photo, video, animation or document (multipart field file); its type is read"
              + " from its bytes")
  public Response upload(List<EntityPart> parts) throws IOException {
    Medium stored = media.upload(current.id(), fileOf(parts));
    return Response.created(
            UriBuilder.fromResource(MediaResource.class).path("{id}").build(stored.id()))
        .entity(MediumView.of(stored))
        .build();
  }

  private static MediaUpload fileOf(List<EntityPart> parts) throws IOException {
    List<EntityPart> files =
        parts == null
            ? List.of()
            : parts.stream().filter(p -> FILE_FIELD.equals(p.getName())).toList();
    if (files.size() != 1) {
      throw InvalidInputException.of(
          FILE_FIELD,
          files.isEmpty()
              ? "Send the file as the multipart field file (curl -F file=@photo.jpg)."
              : "Send one file per upload.");
    }
    EntityPart file = files.get(0);
    try (InputStream in = file.getContent()) {
      return new MediaUpload(file.getFileName().orElse(null), claimedType(file), in.readAllBytes());
    }
  }

  /**
   * The content type the client sent for the part; null when it sent none (the implementation would
   * otherwise report multipart's default, text/plain, as if the client had claimed it).
   */
  private static String claimedType(EntityPart file) {
    return file.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
  }

  @GET
  @Operation(summary = "List your media, newest first")
  public PageView<MediumView> list(@BeanParam PageParams page) {
    return PageView.of(media.list(current.id(), page.request()), MediumView::of);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "Read one medium's description (not its bytes)")
  public MediumView get(@PathParam("id") long id) {
    return MediumView.of(media.get(current.id(), id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a medium; one your bot's post uses is refused with 409")
  public Response delete(@PathParam("id") long id) {
    media.delete(current.id(), id);
    return Response.noContent().build();
  }
}
