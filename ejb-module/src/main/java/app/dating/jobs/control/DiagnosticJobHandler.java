package app.dating.jobs.control;

import app.dating.shared.json.JsonP;
import app.dating.jobs.entity.JobType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.logging.Logger;

/** Logs its payload's {@code message}; fails on every attempt when the payload says {@code "fail": true}. */
@ApplicationScoped
public class DiagnosticJobHandler implements JobHandler {
  private static final Logger LOG = Logger.getLogger(DiagnosticJobHandler.class.getName());

  @Override
  public JobType type() {
    return JobType.DIAGNOSTIC;
  }

  @Override
  public void handle(String payload) {
    JsonObject json = JsonP.readObject(payload);
    if (json.getBoolean("fail", false)) {
      throw new IllegalStateException("diagnostic job asked to fail");
    }
    LOG.info(() -> "Diagnostic job: " + json.getString("message", ""));
  }
}
