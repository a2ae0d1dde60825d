package app.dating.identity.boundary;

import app.dating.cache.boundary.SharedCache;
import app.dating.identity.control.AddressProofs;
import app.dating.identity.control.AuditLog;
import app.dating.identity.control.ExternalIdentity;
import app.dating.identity.control.FirstAdmin;
import app.dating.identity.control.PasswordHasher;
import app.dating.identity.control.ProviderNonces;
import app.dating.identity.control.ProviderTokens;
import app.dating.identity.control.ProviderTokens.AuthorizationRequest;
import app.dating.identity.control.Reauthentication;
import app.dating.identity.control.SecurityNotices;
import app.dating.identity.control.SignInLimits;
import app.dating.identity.entity.Account;
import app.dating.identity.entity.AuditEvent.Action;
import app.dating.identity.entity.ExternalLink;
import app.dating.identity.entity.IdentityProvider;
import app.dating.ratelimit.boundary.ClientKey;
import app.dating.ratelimit.boundary.RateLimit;
import app.dating.ratelimit.boundary.RateLimiter;
import app.dating.shared.json.JsonP;
import app.dating.shared.problem.BusinessException;
import app.dating.shared.problem.CommittedRefusal;
import app.dating.shared.problem.InvalidInputException;
import app.dating.shared.problem.ProblemType;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Sign in with Google, Apple or Facebook. A provider's person signs into the account linked to
 * them; a new person gets a new account (adults only). A provider identity is never attached to an
 * existing account by email alone: only to an account whose own address is proven, when the
 * provider says the address is verified and the person proves the account with its password, or
 * when its owner links it while signed in (with the current password). An app's ID token carries a
 * nonce the server issued ({@link #nonce}), spent once. An account opened through a provider that
 * did not verify the address holds it only as an unproven claim, which yields to the address's
 * owner. Every link and unlink is mailed to the account's address.
 */
@Stateless
public class ProviderSignIn {
  static final RateLimit PROVIDER_PER_IP = new RateLimit("provider-ip", 30, Duration.ofMinutes(5));
  static final RateLimit NONCES_PER_IP =
      new RateLimit("provider-nonce-ip", 60, Duration.ofMinutes(5));

  /** How long a browser may take at the provider between authorize and callback. */
  static final Duration FLOW_LIFETIME = Duration.ofMinutes(10);

  @PersistenceContext EntityManager em;

  @Inject ProviderTokens tokens;

  @Inject Sessions sessions;

  @Inject PasswordHasher hasher;

  @Inject ProviderNonces nonces;

  @Inject Reauthentication reauthentication;

  @Inject SignInLimits signInLimits;

  @Inject AddressProofs proofs;

  @Inject SecurityNotices notices;

  @Inject FirstAdmin firstAdmin;

  @Inject AuditLog audit;

  @Inject RateLimiter limiter;

  @Inject SharedCache cache;

  @Inject Clock clock;

  /**
   * What a person may add on first sign-in (the provider does not tell), or to prove an existing
   * account.
   */
  public record Details(LocalDate birthDate, String displayName, String password) {}

  /** A nonce for an app's sign-in (or link) with a provider, and how long it stays usable. */
  @Schema(name = "SignInNonce")
  public record SignInNonce(
      @Schema(
              required = true,
              description = "Hand it to the provider's SDK; the ID token carries it back")
          String nonce,
      @Schema(required = true, description = "Seconds it stays usable, once") long expiresIn) {}

  /** Issues a nonce for an app's sign-in or link with {@code provider} (single use). */
  public SignInNonce nonce(IdentityProvider provider, Caller caller) {
    limiter.consume(NONCES_PER_IP, ClientKey.of(caller.ip()));
    tokens.requireOffered(provider);
    return new SignInNonce(nonces.issue(provider), ProviderNonces.LIFETIME.toSeconds());
  }

  /**
   * An app's sign-in with a provider's ID token, whose nonce the server issued (or a classic
   * Facebook access token, which has none). {@code nonce} is the nonce the app sent beside the
   * token, or null. The nonce is spent when the sign-in succeeds.
   */
  public TokenPair signIn(
      IdentityProvider provider,
      String idToken,
      String facebookAccessToken,
      String nonce,
      Details details,
      Caller caller) {
    limiter.consume(PROVIDER_PER_IP, ClientKey.of(caller.ip()));
    PendingNonce pending = new PendingNonce(provider, nonce);
    ExternalIdentity identity =
        verify(provider, idToken, facebookAccessToken, pending, details.displayName());
    Account account = resolve(identity, details, caller);
    pending.spend();
    return sessions.start(account);
  }

  private ExternalIdentity verify(
      IdentityProvider provider,
      String idToken,
      String facebookAccessToken,
      PendingNonce nonce,
      String name) {
    return idToken != null
        ? tokens.verifyIdTokenNonce(provider, idToken, nonce, name)
        : tokens.verifyFacebookAccessToken(facebookAccessToken);
  }

  /**
   * The nonce of an app's ID token: checked while the token is verified, spent once the sign-in or
   * link succeeded (if another request spent it first, this one is refused and rolls back).
   */
  private final class PendingNonce implements Predicate<String> {
    private final IdentityProvider provider;
    private final String sent;
    private String claim;
    private boolean checked;

    PendingNonce(IdentityProvider provider, String sent) {
      this.provider = provider;
      this.sent = sent;
    }

    @Override
    public boolean test(String claim) {
      this.claim = claim;
      this.checked = true;
      return nonces.isLive(provider, claim, sent);
    }

    void spend() {
      if (checked && !nonces.spend(provider, claim, sent)) {
        throw new BusinessException(
            ProblemType.UNAUTHORIZED,
            "The " + provider.displayName() + " sign-in token is not valid.");
      }
    }
  }

  /**
   * Where to send a browser to sign in with a provider, and the state it must bring back; the nonce
   * and the PKCE verifier stay on the server.
   */
  public record Authorization(URI url, String state) {}

  /** Starts a browser's sign-in: where to send it, and the state it must bring back. */
  public Authorization authorize(
      IdentityProvider provider, String redirectUri, LocalDate birthDate, Caller caller) {
    limiter.consume(PROVIDER_PER_IP, ClientKey.of(caller.ip()));
    AuthorizationRequest request = tokens.authorization(provider, redirectUri);
    cache.put(
        "oauth-flow:" + request.state(),
        JsonP.object()
            .add("provider", provider.name())
            .add("nonce", request.nonce())
            .add("verifier", request.codeVerifier())
            .add("redirect", redirectUri)
            .add("birthDate", birthDate == null ? "" : birthDate.toString())
            .build()
            .toString(),
        FLOW_LIFETIME);
    return new Authorization(request.url(), request.state());
  }

  /**
   * Ends a browser's sign-in: the state is spent once, the code traded (with the PKCE verifier) for
   * a verified identity.
   */
  public WebSignIn callback(IdentityProvider provider, String state, String code, Caller caller) {
    limiter.consume(PROVIDER_PER_IP, ClientKey.of(caller.ip()));
    JsonObject flow =
        cache
            .take("oauth-flow:" + state)
            .map(json -> JsonP.readObject(json))
            .filter(f -> f.getString("provider").equals(provider.name()))
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "state", "This sign-in has expired or was already used; start again."));
    ExternalIdentity identity =
        tokens.exchangeCode(
            provider,
            code,
            flow.getString("verifier"),
            flow.getString("redirect"),
            flow.getString("nonce"));
    String birthDate = flow.getString("birthDate");
    Details details =
        new Details(birthDate.isEmpty() ? null : LocalDate.parse(birthDate), null, null);
    return sessions.startWeb(resolve(identity, details, caller));
  }

  /**
   * Links a provider identity to the signed-in account: only when the account's address is proven,
   * with its current password (or, without one, a sign-in of the last minutes), and an ID token
   * whose nonce the server issued. The owner is mailed.
   */
  public List<LinkedIdentity> link(
      UUID accountId,
      UUID sessionId,
      IdentityProvider provider,
      String idToken,
      String facebookAccessToken,
      String nonce,
      String currentPassword,
      Caller caller) {
    limiter.consume(PROVIDER_PER_IP, ClientKey.of(caller.ip()));
    Account account = active(accountId);
    if (!account.emailVerified()) {
      audit.record(
          Action.IDENTITY_LINKED,
          false,
          accountId,
          null,
          caller,
          provider.name() + ": address not proven");
      throw BusinessException.forbidden(
          "Confirm your email address first (the link in our mail), then link "
              + provider.displayName()
              + ".");
    }
    reauthentication.requirePasswordOrFreshSignIn(
        account, sessionId, currentPassword, Action.IDENTITY_LINKED, caller);
    PendingNonce pending = new PendingNonce(provider, nonce);
    ExternalIdentity identity = verify(provider, idToken, facebookAccessToken, pending, null);
    Optional<ExternalLink> existing = find(identity);
    if (existing.isPresent() && !existing.get().accountId().equals(accountId)) {
      throw BusinessException.conflict(
          "This " + provider.displayName() + " account is linked to another account.");
    }
    pending.spend();
    if (existing.isEmpty()) {
      attach(identity, accountId, caller);
      notices.providerLinked(accountId, provider);
    }
    return identities(accountId);
  }

  /**
   * Unlinks a provider; refused when it is the account's only way to sign in. The owner is mailed.
   */
  public void unlink(UUID accountId, IdentityProvider provider, Caller caller) {
    Account account = active(accountId);
    List<ExternalLink> links = links(accountId);
    ExternalLink link =
        links.stream()
            .filter(l -> l.provider() == provider)
            .findFirst()
            .orElseThrow(() -> BusinessException.notFound(provider.displayName() + " sign-in"));
    if (account.passwordHash() == null && links.size() == 1) {
      throw BusinessException.conflict(
          "This is your only way to sign in; set a password or link another provider first.");
    }
    em.remove(link);
    audit.record(Action.IDENTITY_UNLINKED, true, accountId, null, caller, provider.name());
    notices.providerUnlinked(accountId, provider);
  }

  private Account active(UUID accountId) {
    return Optional.ofNullable(em.find(Account.class, accountId))
        .filter(a -> a.status() == Account.Status.ACTIVE)
        .orElseThrow(() -> BusinessException.notFound("Account"));
  }

  /** A provider sign-in of the account, as its owner sees it. */
  public record LinkedIdentity(String provider, String email, Instant linkedAt) {}

  public List<LinkedIdentity> identities(UUID accountId) {
    return links(accountId).stream()
        .map(l -> new LinkedIdentity(l.provider().configKey(), l.email(), l.linkedAt()))
        .toList();
  }

  private Account resolve(ExternalIdentity identity, Details details, Caller caller) {
    Optional<ExternalLink> link = find(identity);
    if (link.isPresent()) {
      Account account =
          Optional.ofNullable(em.find(Account.class, link.get().accountId()))
              .filter(a -> a.status() == Account.Status.ACTIVE)
              .orElseThrow(
                  () ->
                      new BusinessException(
                          ProblemType.UNAUTHORIZED, "This account cannot sign in."));
      audit.record(Action.LOGIN, true, account.id(), null, caller, identity.provider().name());
      firstAdmin.promoteIfDue(account, caller);
      return account;
    }
    if (identity.email() == null) {
      throw InvalidInputException.of(
          "email",
          identity.provider().displayName()
              + " did not share an email address; allow it, or sign up with email.");
    }
    String email = Account.normalizeEmail(identity.email());
    Optional<Account> sameEmail =
        em.createNamedQuery(Account.BY_EMAIL, Account.class)
            .setParameter("email", email)
            .getResultStream()
            .findFirst();
    // An account that holds the address only as an unproven claim never blocks its owner, whom a
    // provider that verified the address stands for.
    boolean takesTheAddress =
        sameEmail.isPresent()
            && identity.emailVerified()
            && sameEmail.get().holdsOnlyAnUnprovenClaim();
    if (sameEmail.isPresent() && !takesTheAddress) {
      return linkByProof(sameEmail.get(), identity, details, caller);
    }
    if (details.birthDate() == null) {
      throw InvalidInputException.of("birthDate", "Your birth date is needed to open an account.");
    }
    if (!Account.isAdult(details.birthDate(), LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
      throw InvalidInputException.of(
          "birthDate", "You must be at least " + Account.ADULT_AGE + " years old.");
    }
    if (takesTheAddress && proofs.holderOrRelease(email, caller).isPresent()) {
      throw new IllegalStateException("an unproven claim on " + email + " was not released");
    }
    String name =
        Optional.ofNullable(identity.name())
            .or(() -> Optional.ofNullable(details.displayName()))
            .map(
                n ->
                    n.length() > Account.DISPLAY_NAME_MAX
                        ? n.substring(0, Account.DISPLAY_NAME_MAX)
                        : n)
            .orElse(email.substring(0, email.indexOf('@')));
    Account account =
        Account.fromProvider(
            email, identity.emailVerified(), name, details.birthDate(), clock.instant());
    em.persist(account);
    audit.record(Action.REGISTER, true, account.id(), null, caller, identity.provider().name());
    attach(identity, account.id(), caller);
    notices.openedWithProvider(account.id(), identity.provider());
    return account;
  }

  /**
   * An account with the provider's address exists: link only when the provider verified the
   * address, the account's own address is proven (else it may be someone else's, who registered the
   * address first) and the person gives the account's password. The owner is mailed.
   */
  private Account linkByProof(
      Account account, ExternalIdentity identity, Details details, Caller caller) {
    if (!account.emailVerified()) {
      audit.record(
          Action.IDENTITY_LINKED,
          false,
          account.id(),
          null,
          caller,
          identity.provider().name() + ": the account's address is not proven");
      throw new CommittedRefusal(
          ProblemType.CONFLICT,
          "An account with this email address exists, and its address is not confirmed yet."
              + " Confirm it with the link in our mail (or choose a new password), sign in, and link "
              + identity.provider().displayName()
              + " in your settings.");
    }
    if (details.password() != null) {
      signInLimits.passwordGuess(account.email(), caller); // a password guess like any other
    }
    boolean proven =
        identity.emailVerified()
            && account.status() == Account.Status.ACTIVE
            && details.password() != null
            && account.passwordHash() != null
            && hasher.verify(account.passwordHash(), details.password().toCharArray());
    if (!proven) {
      audit.record(
          Action.IDENTITY_LINKED,
          false,
          account.id(),
          null,
          caller,
          identity.provider().name() + ": not proven");
      throw new CommittedRefusal(
          ProblemType.CONFLICT,
          "An account with this email address exists. Sign in to it and link "
              + identity.provider().displayName()
              + " in your settings, or send its password with this sign-in.");
    }
    attach(identity, account.id(), caller);
    notices.providerLinked(account.id(), identity.provider());
    audit.record(Action.LOGIN, true, account.id(), null, caller, identity.provider().name());
    firstAdmin.promoteIfDue(account, caller);
    return account;
  }

  private void attach(ExternalIdentity identity, UUID accountId, Caller caller) {
    if (links(accountId).stream().anyMatch(l -> l.provider() == identity.provider())) {
      throw BusinessException.conflict(
          "Another "
              + identity.provider().displayName()
              + " account is linked already; unlink it first.");
    }
    em.persist(
        new ExternalLink(
            identity.provider(), identity.subject(), accountId, identity.email(), clock.instant()));
    audit.record(Action.IDENTITY_LINKED, true, accountId, null, caller, identity.provider().name());
  }

  private Optional<ExternalLink> find(ExternalIdentity identity) {
    return Optional.ofNullable(
        em.find(ExternalLink.class, new ExternalLink.Key(identity.provider(), identity.subject())));
  }

  private List<ExternalLink> links(UUID accountId) {
    return em.createNamedQuery(ExternalLink.OF_ACCOUNT, ExternalLink.class)
        .setParameter("account", accountId)
        .getResultList();
  }
}
