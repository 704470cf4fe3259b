/**
 * Export formats written into a snapshot and read back on restore, one package each: {@code dump} (lossless JSON rows),
 * {@code sbr} (SMS Backup &amp; Restore XML), {@code vcard} (vCard 3.0), {@code ical} (iCalendar). All work on
 * {@link org.lifeboat.android.content.ProviderTable}s and plain strings or streams; none talks to a phone.
 */
package org.lifeboat.android.format;
