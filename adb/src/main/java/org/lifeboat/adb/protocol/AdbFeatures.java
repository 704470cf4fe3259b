package org.lifeboat.adb.protocol;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A feature list as exchanged in the CNXN banner ({@code features=a,b,c}). Order is kept, duplicates dropped, and
 * unknown names are kept too: a feature counts only if both sides know it ({@code CanUseFeature}), so a name we do
 * not understand is harmless.
 */
public record AdbFeatures(Set<String> names) {
    public static final String SHELL_V2 = "shell_v2";
    public static final String CMD = "cmd";
    public static final String STAT_V2 = "stat_v2";
    public static final String LS_V2 = "ls_v2";
    public static final String FIXED_PUSH_MKDIR = "fixed_push_mkdir";
    public static final String APEX = "apex";
    public static final String ABB = "abb";
    public static final String FIXED_PUSH_SYMLINK_TIMESTAMP = "fixed_push_symlink_timestamp";
    public static final String ABB_EXEC = "abb_exec";
    public static final String REMOUNT_SHELL = "remount_shell";
    public static final String PUSH_SYNC = "push_sync";
    public static final String SENDRECV_V2 = "sendrecv_v2";
    public static final String SENDRECV_V2_BROTLI = "sendrecv_v2_brotli";
    public static final String SENDRECV_V2_LZ4 = "sendrecv_v2_lz4";
    public static final String SENDRECV_V2_ZSTD = "sendrecv_v2_zstd";
    public static final String SENDRECV_V2_DRY_RUN_SEND = "sendrecv_v2_dry_run_send";
    public static final String DELAYED_ACK = "delayed_ack";

    /** What Android 10's adbd advertises ({@code supported_features()} in transport.cpp, platform-tools 29.0.6). */
    public static final AdbFeatures ANDROID_10 = of(
            SHELL_V2,
            CMD,
            STAT_V2,
            LS_V2,
            FIXED_PUSH_MKDIR,
            APEX,
            ABB,
            FIXED_PUSH_SYMLINK_TIMESTAMP,
            ABB_EXEC,
            REMOUNT_SHELL);

    public static final AdbFeatures NONE = of();

    public AdbFeatures {
        for (String name : names) {
            if (name.isEmpty() || name.contains(",") || name.contains(";") || name.contains(":")) {
                throw new IllegalArgumentException(
                        "feature name '" + name + "' must be non-empty and free of ',', ';' and ':'");
            }
        }
        names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    public static AdbFeatures of(String... names) {
        return new AdbFeatures(new LinkedHashSet<>(List.of(names)));
    }

    /** Parses a comma-separated list; empty pieces are ignored, as adb's {@code StringToFeatureSet} does. */
    public static AdbFeatures parse(String commaSeparated) {
        return new AdbFeatures(Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    public boolean has(String feature) {
        return names.contains(feature);
    }

    /** The features both lists have, in this list's order: what a 29.0.6-style client may use. */
    public AdbFeatures intersect(AdbFeatures other) {
        Set<String> common = new LinkedHashSet<>(names);
        common.retainAll(other.names);
        return new AdbFeatures(common);
    }

    public AdbFeatures without(String feature) {
        Set<String> rest = new LinkedHashSet<>(names);
        rest.remove(feature);
        return new AdbFeatures(rest);
    }

    /** The wire form: names joined with commas. */
    public String toWire() {
        return String.join(",", names);
    }

    @Override
    public String toString() {
        return toWire();
    }
}
