/**
 * Media: profile photos. Uploads are recognised by content, checked against size and pixel limits
 * before decoding, turned upright, stripped of every piece of metadata (EXIF, GPS, XMP, ICC,
 * comments) and re-encoded as progressive JPEG variants for the apps; originals are never served.
 */
package app.dating.media;
