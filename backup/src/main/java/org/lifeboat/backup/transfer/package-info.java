/** Old phone to new phone in one job ({@link org.lifeboat.backup.transfer.PhoneTransfer}): backup, restore, check. */
package org.lifeboat.backup.transfer;
