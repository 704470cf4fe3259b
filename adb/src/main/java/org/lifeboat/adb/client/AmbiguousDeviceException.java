package org.lifeboat.adb.client;

import java.util.List;

/** Several phones are attached and the caller did not say which one to use. */
public final class AmbiguousDeviceException extends AdbException {
    private final List<String> serials;

    public AmbiguousDeviceException(List<String> serials) {
        super("more than one phone is attached (" + String.join(", ", serials) + "); choose one by its serial");
        this.serials = List.copyOf(serials);
    }

    /** The serials of the attached phones, possibly empty when the adb server did not list them. */
    public List<String> serials() {
        return serials;
    }
}
