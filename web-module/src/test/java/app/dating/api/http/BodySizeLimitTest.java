package app.dating.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which paths take photo-sized bodies: the two photo uploads, nothing else. */
class BodySizeLimitTest {

  @ParameterizedTest
  @CsvSource({
    "me/photos, true",
    "/me/photos/, true",
    "conversations/0b5d6c1e-3f7a-4c2e-9d1b-2a3c4d5e6f70/photos, true",
    "conversations/x/photos/, true",
    "conversations/x/messages, false",
    "conversations/photos, false",
    "conversations/x/photos/y, false",
    "me/profile, false"
  })
  void photoUploads(String path, boolean photo) {
    assertEquals(photo, BodySizeLimit.PHOTO_UPLOADS.matcher(path).matches());
  }
}
