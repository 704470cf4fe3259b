package org.lifeboat.virtualphone.device;

import java.nio.file.Path;

/**
 * Where a phone keeps its state under its state folder. A profile loader fills an empty folder in this layout; the
 * phone then only ever changes files inside it.
 *
 * @param stateDir the state folder itself
 */
public record StateLayout(Path stateDir) {
    public StateLayout {
        stateDir = stateDir.toAbsolutePath().normalize();
    }

    /** getprop keys, {@code key=value} in java.util.Properties syntax, UTF-8. */
    public Path propertiesFile() {
        return stateDir.resolve("device.properties");
    }

    /** The phone's "/": shared storage is {@code storage/emulated/0} below it. */
    public Path fileSystemRoot() {
        return stateDir.resolve("fs");
    }

    /** A profile's apps/ folders, installed by the package manager on the phone's first start. */
    public Path appsDir() {
        return stateDir.resolve("apps");
    }

    /** The package manager's database of installed packages (JSON, written by the phone). */
    public Path packagesFile() {
        return stateDir.resolve("packages.json");
    }
}
