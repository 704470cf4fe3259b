/**
 * Writes a backup back onto a phone, one {@link org.lifeboat.android.restore.Restorer} per data type: inspect the
 * phone, {@code plan} (the dry run), {@code apply} (write, then verify by reading back). Every restorer is idempotent
 * and adapts to the target's API level; what cannot be restored is reported with the reason. Restorers talk to the
 * phone only through {@link org.lifeboat.android.restore.TargetPhone}. See docs/restore.md.
 */
package org.lifeboat.android.restore;
