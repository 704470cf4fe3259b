package org.lifeboat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code lifeboat --version}: our version (filtered in at build time) and the Java runtime that runs us. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "lifeboat " + lifeboatVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                    + System.getProperty("java.home"),
            System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }

    static String lifeboatVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/lifeboat/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
