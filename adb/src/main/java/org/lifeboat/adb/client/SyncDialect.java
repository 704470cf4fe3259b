package org.lifeboat.adb.client;

import org.lifeboat.adb.protocol.AdbFeatures;

/** Which sync requests a phone understands, from its feature list (AOSP client/file_sync_client.cpp). */
record SyncDialect(boolean statV2, boolean listV2, boolean sendReceiveV2) {
    static final SyncDialect V1 = new SyncDialect(false, false, false);

    static SyncDialect of(AdbFeatures features) {
        return new SyncDialect(
                features.has(AdbFeatures.STAT_V2),
                features.has(AdbFeatures.LS_V2),
                features.has(AdbFeatures.SENDRECV_V2));
    }
}
