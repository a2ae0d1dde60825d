package app.dating.identity.boundary;

import java.time.LocalDate;

/** What a person gives to open an account. */
public record Registration(String email, String password, String displayName, LocalDate birthDate) {}
