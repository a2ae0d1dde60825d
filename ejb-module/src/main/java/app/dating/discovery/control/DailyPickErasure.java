package app.dating.discovery.control;

import app.dating.identity.boundary.AccountErased;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** At erasure an account's daily picks go: its own, and its place as someone else's pick. */
@ApplicationScoped
public class DailyPickErasure {
  @Inject DailyPickStore store;

  void accountErased(@Observes AccountErased erased) {
    store.erase(erased.accountId());
  }
}
