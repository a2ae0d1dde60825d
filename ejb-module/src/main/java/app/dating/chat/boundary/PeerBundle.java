package app.dating.chat.boundary;

import java.util.UUID;

/**
 * A match's public keys, to start an end-to-end encrypted session with them (X3DH). Keys are
 * standard base64. {@code oneTimePreKey} is null when the peer has none left: the session then
 * starts from the signed pre-key alone, with a little less forward secrecy for its first message.
 */
public record PeerBundle(
    UUID accountId,
    String identityKey,
    String signingKey,
    int signedPreKeyId,
    String signedPreKey,
    String signedPreKeySignature,
    BundleUpload.PreKey oneTimePreKey) {}
