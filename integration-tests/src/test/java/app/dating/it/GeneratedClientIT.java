package app.dating.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.dating.client.ApiClient;
import app.dating.client.ApiException;
import app.dating.client.api.ChatApi;
import app.dating.client.api.DiscoveryApi;
import app.dating.client.api.IdentityApi;
import app.dating.client.api.MatchingApi;
import app.dating.client.api.MediaApi;
import app.dating.client.api.ProfilesApi;
import app.dating.client.model.AccountView;
import app.dating.client.model.ChatMessage;
import app.dating.client.model.Deletion;
import app.dating.client.model.FeedCard;
import app.dating.client.model.FeedPage;
import app.dating.client.model.Location;
import app.dating.client.model.MatchView;
import app.dating.client.model.MessageAck;
import app.dating.client.model.Outgoing;
import app.dating.client.model.PhotoView;
import app.dating.client.model.ProfileUpdate;
import app.dating.client.model.ProfileView;
import app.dating.client.model.ProfileVisibility;
import app.dating.client.model.Refresh;
import app.dating.client.model.SignIn;
import app.dating.client.model.SignInNonce;
import app.dating.client.model.SignUp;
import app.dating.client.model.SwipeKind;
import app.dating.client.model.SwipeRequest;
import app.dating.client.model.SwipeResult;
import app.dating.client.model.TokenPair;
import app.dating.client.model.Verification;
import app.dating.tools.SamplePhotos;
import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What the app teams do: a Java client generated from the OpenAPI document (openapi-generator,
 * library {@code native}, see this module's pom) drives a whole life on the platform through its
 * own types, with no JSON written by hand: register, verify, sign in, refresh, profile, location,
 * photo, feed, likes until a match, a message over REST, the history, unmatch, delete.
 */
class GeneratedClientIT {

  /** One app on one device: the generated API classes over one configured {@link ApiClient}. */
  static final class App {
    final String ip =
        "198.19."
            + ThreadLocalRandom.current().nextInt(256)
            + "."
            + ThreadLocalRandom.current().nextInt(1, 255);
    final ApiClient client = new ApiClient();
    final IdentityApi identity;
    final ProfilesApi profiles;
    final MediaApi media;
    final DiscoveryApi discovery;
    final MatchingApi matching;
    final ChatApi chat;
    volatile String accessToken;

    App() {
      client.updateBaseUri(Platform.uri("").toString());
      // HTTP/1.1, as through Apache; the device's own address for the per-address rate limits.
      client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
      client.setReadTimeout(Duration.ofSeconds(30));
      client.setRequestInterceptor(
          request -> {
            request.header("X-Forwarded-For", ip);
            if (accessToken != null) {
              request.header("Authorization", "Bearer " + accessToken);
            }
          });
      // The generated API classes copy the client's settings when made: make them after.
      identity = new IdentityApi(client);
      profiles = new ProfilesApi(client);
      media = new MediaApi(client);
      discovery = new DiscoveryApi(client);
      matching = new MatchingApi(client);
      chat = new ChatApi(client);
    }
  }

  record Member(App app, AccountView account, String email) {}

  @Test
  void aWholeLifeThroughTheGeneratedClient() throws Exception {
    long started = System.nanoTime();
    double[] place = People.somewhereEmpty();

    Member ann = signUpAndIn("Ann", "woman", place);
    Member bo = signUpAndIn("Bo", "man", People.north(place, 3));

    PhotoView photo = ann.app().media.uploadPhoto(photoFile());
    assertNotNull(photo.getId());
    assertTrue(List.of("PENDING", "READY").contains(photo.getStatus()), photo::toString);

    SwipeResult boLikes =
        bo.app()
            .matching
            .swipe(new SwipeRequest().targetId(ann.account().getId()).kind(SwipeKind.LIKE));
    assertFalse(boLikes.getMatched());

    UUID matchId = likeUntilAMatch(ann);
    assertNotNull(matchId, "Ann's feed never led to a match with Bo");

    MessageAck ack =
        ann.app()
            .chat
            .sendMessage(
                matchId, new Outgoing().clientId("gen-1").text("Hello from a generated client"));
    assertEquals(1, ack.getSeq());
    assertFalse(ack.getDuplicate());
    List<ChatMessage> history = bo.app().chat.listMessages(matchId, null, null, 50);
    assertEquals(1, history.size());
    assertEquals("Hello from a generated client", history.get(0).getText());
    assertEquals(ann.account().getId(), history.get(0).getSender());

    List<MatchView> matches = bo.app().matching.listMatches(null, 20).getMatches();
    assertTrue(matches.stream().anyMatch(m -> matchId.equals(m.getId())), matches::toString);
    ann.app().matching.unmatch(matchId);
    assertTrue(
        bo.app().matching.listMatches(null, 20).getMatches().stream()
            .noneMatch(m -> matchId.equals(m.getId())));

    ann.app().identity.deleteMe(new Deletion().currentPassword(Api.PASSWORD));
    bo.app().identity.deleteMe(new Deletion().currentPassword(Api.PASSWORD));
    ApiException gone = assertThrows(ApiException.class, () -> ann.app().identity.getMe());
    assertEquals(401, gone.getCode());
    assertTrue(
        gone.getResponseBody().contains("urn:dating:problem:unauthorized"), gone.getResponseBody());

    System.out.printf(
        "GeneratedClientIT: the whole flow took %d ms%n",
        (System.nanoTime() - started) / 1_000_000);
  }

  /** An app asks for a sign-in nonce before it opens the provider's SDK (issue #14). */
  @Test
  void anAppGetsASignInNonceThroughTheGeneratedClient() throws Exception {
    SignInNonce nonce = new App().identity.issueSignInNonce("google");
    assertTrue(nonce.getNonce().matches("[A-Za-z0-9_-]{43}"), nonce::toString);
    assertTrue(nonce.getExpiresIn() > 0, nonce::toString);
    ApiException unknown =
        assertThrows(ApiException.class, () -> new App().identity.issueSignInNonce("myspace"));
    assertEquals(404, unknown.getCode());
  }

  private static Member signUpAndIn(String name, String gender, double[] place) throws Exception {
    App app = new App();
    String email = "gen-" + UUID.randomUUID() + "@example.invalid";
    AccountView account =
        app.identity.register(
            new SignUp()
                .email(email)
                .password(Api.PASSWORD)
                .displayName(name)
                .birthDate(LocalDate.now().minusYears(31)));
    assertEquals(email, account.getEmail());
    app.identity.verifyEmail(new Verification().token(Api.tokenInMail(email, "verify-email")));

    TokenPair first = app.identity.login(new SignIn().email(email).password(Api.PASSWORD));
    TokenPair refreshed = app.identity.refresh(new Refresh().refreshToken(first.getRefreshToken()));
    assertFalse(refreshed.getRefreshToken().equals(first.getRefreshToken()));
    app.accessToken = refreshed.getAccessToken();

    ProfileView profile =
        app.profiles.updateMyProfile(
            new ProfileUpdate()
                .gender(gender)
                .wantedGenders(List.of())
                .ageMin(18)
                .ageMax(99)
                .maxDistanceKm(50)
                .languages(List.of("en"))
                .prompts(List.of())
                .interests(List.of(1, 2))
                .bio("Made by a generated client")
                .visibility(ProfileVisibility.DISCOVERABLE));
    assertEquals(ProfileVisibility.DISCOVERABLE, profile.getVisibility());
    app.profiles.updateMyLocation(new Location().latitude(place[0]).longitude(place[1]));
    return new Member(app, app.identity.getMe(), email);
  }

  /** Likes the feed's candidates one by one until a like matches (Bo liked Ann first). */
  private static UUID likeUntilAMatch(Member member) throws ApiException {
    String cursor = null;
    for (int page = 0; page < 10; page++) {
      FeedPage feed = member.app().discovery.getFeed(cursor, 20);
      for (FeedCard card : feed.getCandidates()) {
        SwipeResult result =
            member
                .app()
                .matching
                .swipe(new SwipeRequest().targetId(card.getId()).kind(SwipeKind.LIKE));
        if (Boolean.TRUE.equals(result.getMatched())) {
          return result.getMatchId();
        }
      }
      if (feed.getNext() == null || feed.getCandidates().isEmpty()) {
        return null;
      }
      cursor = feed.getNext();
    }
    return null;
  }

  private static File photoFile() throws Exception {
    Path file = Files.createTempFile("generated-client", ".jpg");
    file.toFile().deleteOnExit();
    Files.write(file, SamplePhotos.jpeg(SamplePhotos.photoLike(400, 300, 7), 0.9f));
    return file.toFile();
  }
}
