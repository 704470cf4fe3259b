package org.lifeboat.adb.client;

import java.util.Optional;

/** A phone's connection state as the adb server names it ({@code ConnectionStateToString} in AOSP transport.cpp). */
public enum DeviceState {
    DEVICE("device"),
    OFFLINE("offline"),
    UNAUTHORIZED("unauthorized"),
    AUTHORIZING("authorizing"),
    CONNECTING("connecting"),
    RECOVERY("recovery"),
    SIDELOAD("sideload"),
    BOOTLOADER("bootloader"),
    RESCUE("rescue"),
    HOST("host"),
    NO_PERMISSIONS("no permissions"),
    UNKNOWN("unknown");

    private final String wireName;

    DeviceState(String wireName) {
        this.wireName = wireName;
    }

    /** The state for a server's state word; {@link #UNKNOWN} for words a newer server may add. */
    public static DeviceState fromWire(String text) {
        if (text.startsWith(NO_PERMISSIONS.wireName)) {
            return NO_PERMISSIONS;
        }
        for (DeviceState state : values()) {
            if (state.wireName.equals(text)) {
                return state;
            }
        }
        return UNKNOWN;
    }

    public String wireName() {
        return wireName;
    }

    /** One line telling the user how to make the phone usable, when it is not. */
    public Optional<String> fix() {
        return switch (this) {
            case DEVICE -> Optional.empty();
            case UNAUTHORIZED, AUTHORIZING ->
                Optional.of("unlock the phone and accept the 'Allow USB debugging?' prompt");
            case OFFLINE, CONNECTING -> Optional.of("unplug and replug the cable, or reconnect Wi-Fi debugging");
            case NO_PERMISSIONS -> Optional.of("this user may not open the USB device; add a udev rule for the phone");
            case RECOVERY, SIDELOAD, BOOTLOADER, RESCUE -> Optional.of("reboot the phone into Android");
            case HOST, UNKNOWN -> Optional.of("enable USB debugging in Developer options and replug the phone");
        };
    }

    @Override
    public String toString() {
        return wireName;
    }
}
