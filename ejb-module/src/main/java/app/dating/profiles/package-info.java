/**
 * Profiles: what people show of themselves (gender, bio, prompts, interests, job, languages...) and
 * the private settings that drive matching (wanted genders, age range, distance), with the seeded
 * catalogues they draw on. Others see a profile only as the visibility component allows ({@code
 * app.dating.visibility}: discoverable, active, not blocked either way), never its email, birth
 * date or location. Location is private by construction: only a ~1 km grid cell is stored, and
 * distances are shown in whole km between cell centres ({@code control.LocationGrid}).
 */
package app.dating.profiles;
