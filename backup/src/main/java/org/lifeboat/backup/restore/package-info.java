/**
 * Restores a phone snapshot onto a phone ({@link org.lifeboat.backup.restore.PhoneRestore}): reads the snapshot's
 * open-format exports and files back ({@link org.lifeboat.backup.restore.PhoneSnapshot}) and hands them to the
 * per-type restorers of {@code org.lifeboat.android.restore}. See docs/restore.md.
 */
package org.lifeboat.backup.restore;
