/**
 * Media: profile photos, and chat photos (uploaded for one conversation, served only to its two
 * members while their match is active, never on the profile). Uploads are recognised by content,
 * checked against size and pixel limits before decoding, turned upright, stripped of every piece of
 * metadata (EXIF, GPS, XMP, ICC, comments) and re-encoded as progressive JPEG variants for the
 * apps; originals are never served, and deleted once the photo is processed (READY or REJECTED).
 */
package app.dating.media;
