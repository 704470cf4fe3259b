package org.lifeboat.virtualphone.pm;

import java.util.Optional;
import org.lifeboat.virtualphone.device.InstallOptions;

/** The install flags shared by {@code install} and {@code install-create} (makeInstallParams). */
record InstallRequest(InstallOptions options, long size) {
    static InstallRequest parse(Arguments args, int apiLevel) {
        String installer = null;
        boolean downgrade = false;
        boolean noReplace = false;
        boolean bypass = false;
        long size = -1;
        String option;
        while ((option = args.nextOption()) != null) {
            switch (option) {
                case "-r",
                        "-t",
                        "-g",
                        "-f",
                        "--dont-kill",
                        "--restrict-permissions",
                        "--full",
                        "--staged",
                        "--force-queryable",
                        "--no-incremental",
                        "--streaming",
                        "-l",
                        "--ephemeral",
                        "--instant",
                        "--force-uuid" -> {}
                case "-R" -> noReplace = true;
                case "-d" -> downgrade = true;
                case "-i" -> installer = args.required(option);
                case "-S" -> size = Long.parseLong(args.required(option));
                case "--user",
                        "--install-location",
                        "--originating-uri",
                        "--referrer",
                        "--abi",
                        "--install-reason",
                        "--pkg" -> args.required(option);
                case "--bypass-low-target-sdk-block" -> {
                    // The flag arrived with the block itself in Android 14 (frameworks/base ffa1a73c533c).
                    if (apiLevel < 34) {
                        throw new IllegalArgumentException("Unknown option " + option);
                    }
                    bypass = true;
                }
                default -> throw new IllegalArgumentException("Unknown option " + option);
            }
        }
        return new InstallRequest(
                new InstallOptions(Optional.ofNullable(installer), downgrade, noReplace, bypass), size);
    }
}
