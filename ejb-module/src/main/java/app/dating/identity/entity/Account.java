package app.dating.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A person's account: how they sign in and what they may do. The profile is another aggregate. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_EMAIL, query = "select a from Account a where lower(a.email) = :email")
public class Account {
  public static final String BY_EMAIL = "Account.byEmail";
  public static final int EMAIL_MAX = 254;
  public static final int DISPLAY_NAME_MAX = 50;
  public static final int ADULT_AGE = 18;

  /** Lifecycle of an account. */
  public enum Status {
    ACTIVE,
    SUSPENDED,
    DELETED
  }

  @Id private UUID id;

  @Column(nullable = false, length = EMAIL_MAX)
  private String email;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
  private String displayName;

  @Column(name = "birth_date", nullable = false)
  private LocalDate birthDate;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(nullable = false, length = 16)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Status status;

  @Column(nullable = false, length = 100)
  private String roles;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Account() {}

  public Account(String email, String displayName, LocalDate birthDate, String passwordHash, Instant now) {
    this.id = UUID.randomUUID();
    this.email = normalizeEmail(email);
    this.displayName = Objects.requireNonNull(displayName).strip();
    this.birthDate = Objects.requireNonNull(birthDate);
    this.passwordHash = passwordHash;
    this.status = Status.ACTIVE;
    this.roles = Role.USER.name();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Emails are compared and stored lower-cased and trimmed. */
  public static String normalizeEmail(String email) {
    return Objects.requireNonNull(email).strip().toLowerCase(Locale.ROOT);
  }

  public static boolean isAdult(LocalDate birthDate, LocalDate today) {
    return Period.between(birthDate, today).getYears() >= ADULT_AGE;
  }

  public boolean canSignIn() {
    return status == Status.ACTIVE && passwordHash != null;
  }

  /** The address was proven; only the address the proof was sent to counts. */
  public boolean verifyEmail(String provenEmail, Instant now) {
    if (!email.equals(provenEmail)) {
      return false;
    }
    emailVerified = true;
    updatedAt = now;
    return true;
  }

  public void changePassword(String newHash, Instant now) {
    rehashPassword(newHash, now);
  }

  public void rehashPassword(String newHash, Instant now) {
    this.passwordHash = Objects.requireNonNull(newHash);
    this.updatedAt = now;
  }

  public Set<Role> roles() {
    return Arrays.stream(roles.split(","))
        .map(String::strip)
        .filter(r -> !r.isEmpty())
        .map(Role::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public boolean emailVerified() {
    return emailVerified;
  }

  public String displayName() {
    return displayName;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Status status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
