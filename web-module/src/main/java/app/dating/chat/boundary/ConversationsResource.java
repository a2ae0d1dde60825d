package app.dating.chat.boundary;

import app.dating.api.http.Roles;
import app.dating.api.http.Uploads;
import app.dating.api.problem.RequestBodies;
import app.dating.chat.entity.Message;
import app.dating.identity.control.SignedIn;
import app.dating.media.boundary.ChatPhotoView;
import app.dating.media.boundary.Photos;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The REST side of chat: conversations, history both ways, sending and receipts without a socket,
 * photo uploads for a conversation; presence of matches and the setting that hides one's own
 * ({@code /chat/...}).
 */
@Tag(name = "chat")
@SecurityRequirement(name = "bearer")
@SecurityRequirementsSet({
  @SecurityRequirement(name = "session"),
  @SecurityRequirement(name = "csrf")
})
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
@Roles("USER")
public class ConversationsResource {
  static final int PAGE_MAX = 200;

  @Inject Chat chat;
  @Inject ChatWriter writer;
  @Inject Photos photos;
  @Inject Fanout fanout;
  @Inject RequestBodies bodies;
  @Context SecurityContext security;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listConversations",
      summary = "Your conversations, most recent first, with unread counts and the last message")
  public List<ConversationView> conversations() {
    return chat.conversations(me());
  }

  @GET
  @Path("{id}/messages")
  @Operation(
      operationId = "listMessages",
      summary =
          "History: `after=n` pages forward (oldest first), `before=n` pages back (newest first); neither: the latest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(
      responseCode = "200",
      description = "Messages, oldest first after `after`, newest first otherwise",
      content =
          @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ChatMessage.class)))
  public List<ChatMessage> messages(
      @PathParam("id") UUID id,
      @QueryParam("after") Long after,
      @QueryParam("before") Long before,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    int size = Math.max(1, Math.min(PAGE_MAX, limit));
    if (after != null) {
      return chat.after(me(), id, Math.max(0, after), Long.MAX_VALUE, size);
    }
    return chat.before(me(), id, before == null ? Long.MAX_VALUE : before, size);
  }

  /**
   * Body of a message sent over REST: the client's id and one of text, an end-to-end ciphertext
   * (base64) or the id of a photo uploaded for this conversation.
   */
  public record Outgoing(
      @NotNull @Size(max = Message.CLIENT_ID_MAX) String clientId,
      @Size(max = Draft.TEXT_MAX) String text,
      @Size(max = Draft.CIPHERTEXT_MAX * 2) String ciphertext,
      @Size(max = 36) String photo) {}

  @POST
  @Path("{id}/messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "sendMessage",
      summary =
          "Send a message: text, ciphertext or photo (the same clientId again is the same message); delivered to both people's sockets")
  @APIResponse(
      responseCode = "201",
      description = "Stored as number `seq`",
      content = @Content(schema = @Schema(implementation = MessageAck.class)))
  @APIResponse(
      responseCode = "200",
      description = "This clientId was stored before: nothing new was stored",
      content = @Content(schema = @Schema(implementation = MessageAck.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  public Response send(@PathParam("id") UUID id, Outgoing body) {
    Outgoing out = bodies.valid(body);
    Draft.Content content = Draft.Content.of(out.text(), out.ciphertext(), out.photo());
    Ack ack = writer.send(me(), id, out.clientId(), content.kind(), content.value());
    if (!ack.duplicate()) {
      fanout.announce(id, ack.seq(), ack.members());
    }
    return Response.status(ack.duplicate() ? Response.Status.OK : Response.Status.CREATED)
        .entity(ChatFrames.ackBody(ack))
        .build();
  }

  @POST
  @Path("{id}/photos")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "uploadChatPhoto",
      summary =
          "Upload a photo for this conversation (JPEG, PNG or WebP, at most 15 MiB and 40 megapixels; counts toward the "
              + "hourly upload limit, not toward your 9 profile photos): processed in the background, then send it as a PHOTO message")
  @APIResponse(
      responseCode = "202",
      description = "Stored; being processed (PENDING)",
      headers =
          @Header(
              name = "Location",
              description = "The new resource",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = ChatPhotoView.class)))
  @APIResponse(
      responseCode = "200",
      description = "These bytes were uploaded for this conversation before: that photo",
      headers =
          @Header(
              name = "Location",
              description = "The new resource",
              schema = @Schema(type = SchemaType.STRING, format = "uri")),
      content = @Content(schema = @Schema(implementation = ChatPhotoView.class)))
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "429", ref = "TooManyRequests")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema = @Schema(implementation = Uploads.Form.class)))
  public Response uploadPhoto(@PathParam("id") UUID id, @FormParam(Uploads.FIELD) EntityPart file) {
    ChatPhotoView photo = photos.uploadForConversation(me(), id, Uploads.bytes(file));
    return Response.status(
            photo.status().equals("PENDING") ? Response.Status.ACCEPTED : Response.Status.OK)
        .location(
            uri.getBaseUriBuilder()
                .path(ConversationsResource.class)
                .path(id.toString())
                .path("photos")
                .path(photo.id().toString())
                .build())
        .entity(photo)
        .build();
  }

  @GET
  @Path("{id}/photos/{photoId}")
  @Operation(
      operationId = "getChatPhoto",
      summary =
          "A photo you uploaded for this conversation: PENDING, READY (send it) or REJECTED with the reason")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(
      value = ChatPhotoView.class,
      responseDescription = "The photo and its processing status")
  public ChatPhotoView photo(@PathParam("id") UUID id, @PathParam("photoId") UUID photoId) {
    return photos.conversationPhoto(me(), id, photoId);
  }

  /** Body of a receipt. */
  public record ReadUpTo(@NotNull Long upTo) {
    public ReadUpTo(Long upTo) {
      this.upTo = upTo;
    }
  }

  @POST
  @Path("{id}/read")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "markRead",
      summary = "You have read the conversation up to this sequence number (never moves back)")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponseSchema(
      value = Receipt.class,
      responseDescription = "Both read pointers of the conversation")
  public Receipt read(@PathParam("id") UUID id, ReadUpTo body) {
    Receipt receipt = chat.receipt(me(), id, bodies.valid(body).upTo(), true);
    fanout.signal(List.of(receipt.peer(), receipt.by()), ChatFrames.receipt(receipt, true));
    return receipt;
  }

  /** The answer to a message sent over REST: what the socket's {@code ack} frame says. */
  public record MessageAck(
      UUID conversation, String clientId, long seq, Instant at, boolean duplicate) {}

  private UUID me() {
    return SignedIn.of(security).accountId();
  }

  /** Presence of matches, and the setting that hides one's own: {@code /chat/...}. */
  @Tag(name = "chat")
  @SecurityRequirement(name = "bearer")
  @SecurityRequirementsSet({
    @SecurityRequirement(name = "session"),
    @SecurityRequirement(name = "csrf")
  })
  @Path("chat")
  @Produces(MediaType.APPLICATION_JSON)
  @Roles("USER")
  public static class Presence {
    @Inject Chat chat;
    @Inject RequestBodies bodies;
    @Context SecurityContext security;

    @GET
    @Path("presence/{accountId}")
    @Operation(
        operationId = "getPresence",
        summary =
            "Whether one of your matches is online and when they were last seen (unless they hide it)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponseSchema(
        value = PresenceView.class,
        responseDescription = "Online, and when last seen (null when hidden)")
    public PresenceView presence(@PathParam("accountId") UUID accountId) {
      return chat.presence(me(), accountId);
    }

    /** Body of the chat settings. */
    public record ChatSettings(@NotNull Boolean hidePresence) {
      public ChatSettings(Boolean hidePresence) {
        this.hidePresence = hidePresence;
      }
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
        operationId = "updateChatSettings",
        summary = "Hide (or show) when you are online and when you were last seen")
    public ChatSettings settings(ChatSettings body) {
      chat.hidePresence(me(), bodies.valid(body).hidePresence());
      return body;
    }

    private UUID me() {
      return SignedIn.of(security).accountId();
    }
  }
}
