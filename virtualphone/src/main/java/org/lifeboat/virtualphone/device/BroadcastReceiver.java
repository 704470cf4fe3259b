package org.lifeboat.virtualphone.device;

/** Something on the phone that reacts to a broadcast, such as the media scanner to MEDIA_SCANNER_SCAN_FILE. */
@FunctionalInterface
public interface BroadcastReceiver {
    void onReceive(Intent intent);
}
