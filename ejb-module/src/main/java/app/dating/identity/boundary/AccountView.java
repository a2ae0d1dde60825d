package app.dating.identity.boundary;

import app.dating.identity.entity.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The owner's view of their account. */
public record AccountView(
    UUID id,
    String email,
    boolean emailVerified,
    String displayName,
    LocalDate birthDate,
    List<String> roles,
    Instant createdAt) {

  public static AccountView of(Account account) {
    return new AccountView(
        account.id(),
        account.email(),
        account.emailVerified(),
        account.displayName(),
        account.birthDate(),
        account.roles().stream().map(Enum::name).toList(),
        account.createdAt());
  }
}
