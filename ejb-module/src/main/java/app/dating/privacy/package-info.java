/**
 * Data rights: the account holder's export of everything kept about them (GDPR Art. 15 and 20),
 * built in the background as a ZIP, announced by mail, downloadable once while it lasts. Each
 * component adds its part through {@code PersonalDataExport}; this one only assembles and serves.
 */
package app.dating.privacy;
