package app.dating.media.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The photo processor with this platform's limits. */
@ApplicationScoped
public class MediaConfiguration {

  /** {@code @Singleton}: one processor, and no client proxy (the class is final, and it is thread-safe). */
  @Produces
  @Singleton
  PhotoProcessor processor(
      @ConfigProperty(name = "media.max-bytes", defaultValue = "15728640") long maxBytes,
      @ConfigProperty(name = "media.max-pixels", defaultValue = "40000000") long maxPixels) {
    return new PhotoProcessor(maxBytes, maxPixels, PhotoProcessor.DEFAULT_TARGET_SIZES, PhotoProcessor.DEFAULT_JPEG_QUALITY);
  }

  /** ImageIO's registry outlives the application: take our plugins out when it stops. */
  @PreDestroy
  void releaseImageIo() {
    PhotoProcessor.releasePlugins();
  }
}
