package app.dating.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Says once, at the end of the test run, how many chat frames were checked against the served
 * AsyncAPI document ({@link ChatContract}), so a run that checked none shows it.
 */
public class ChatContractReport implements LauncherSessionListener {
  @Override
  public void launcherSessionClosed(LauncherSession session) {
    System.out.printf(
        "Chat contract (/asyncapi.yaml): %d frames received and %d sent by the tests' chat clients"
            + " were valid by their schemas; %d broke it; %d frames meant to break it were refused.%n",
        ChatContract.SERVER_FRAMES.get(),
        ChatContract.CLIENT_FRAMES.get(),
        ChatContract.BROKEN.get(),
        ChatContract.REFUSED_ON_PURPOSE.get());
  }
}
