/**
 * "Is it safe to reset this phone?" ({@link org.lifeboat.backup.verify.PhoneVerify}): a fresh inventory of the
 * phone against its latest snapshot, item by item, and a proof that the snapshot reads back.
 */
package org.lifeboat.backup.verify;
