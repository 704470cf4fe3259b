package org.lifeboat.virtualphone.pm;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.lifeboat.virtualphone.device.InstalledPackage;
import org.lifeboat.virtualphone.shell.CommandContext;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * {@code dumpsys package PKG}: the "Packages:" section of PackageManagerService's dump for one package, with the
 * lines of Settings.dumpPackageLPr that backup tools read (userId, codePath, versionCode/minSdk/targetSdk,
 * versionName, splits, timeStamp/firstInstallTime/lastUpdateTime in local "yyyy-MM-dd HH:mm:ss",
 * installerPackageName). Other services are reported as frameworks/native cmds/dumpsys does.
 */
final class DumpsysCommand implements ShellCommand {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public int run(CommandContext context) throws IOException {
        List<String> args = context.args();
        if (args.isEmpty() || !args.get(0).equals("package")) {
            String service = args.isEmpty() ? "" : args.get(0);
            context.err("Can't find service: " + service + "\n");
            return 0;
        }
        List<String> packages = args.subList(1, args.size()).stream()
                .filter(a -> !a.startsWith("-"))
                .toList();
        if (packages.isEmpty()) {
            StringBuilder out = new StringBuilder("Packages:\n");
            for (InstalledPackage p : context.device().packages().list()) {
                dumpPackage(out, p, context.device().timeZone());
            }
            context.out(out.toString());
            return 0;
        }
        StringBuilder out = new StringBuilder();
        for (String name : packages) {
            Optional<InstalledPackage> installed = context.device().packages().find(name);
            if (installed.isPresent()) {
                out.append("Packages:\n");
                dumpPackage(out, installed.get(), context.device().timeZone());
            }
        }
        context.out(out.toString());
        return 0;
    }

    private static void dumpPackage(StringBuilder out, InstalledPackage p, ZoneId zone) {
        String id = Integer.toHexString(p.packageName().hashCode() & 0xfffffff);
        out.append("  Package [")
                .append(p.packageName())
                .append("] (")
                .append(id)
                .append("):\n");
        out.append("    userId=").append(p.uid()).append('\n');
        out.append("    pkg=Package{")
                .append(id)
                .append(' ')
                .append(p.packageName())
                .append("}\n");
        out.append("    codePath=").append(p.codePath()).append('\n');
        out.append("    resourcePath=").append(p.codePath()).append('\n');
        out.append("    legacyNativeLibraryDir=").append(p.codePath()).append("/lib\n");
        out.append("    primaryCpuAbi=null\n");
        out.append("    secondaryCpuAbi=null\n");
        out.append("    versionCode=")
                .append(p.versionCode())
                .append(" minSdk=")
                .append(Math.min(p.targetSdk(), 21))
                .append(" targetSdk=")
                .append(p.targetSdk())
                .append('\n');
        out.append("    versionName=").append(p.versionName().orElse("null")).append('\n');
        out.append("    splits=[base");
        for (String path : p.apkPaths().subList(1, p.apkPaths().size())) {
            String file = path.substring(path.lastIndexOf('/') + 1);
            out.append(", ").append(file.replaceFirst("^split_", "").replaceFirst("\\.apk$", ""));
        }
        out.append("]\n");
        out.append("    dataDir=/data/user/0/").append(p.packageName()).append('\n');
        out.append("    timeStamp=").append(date(p.lastUpdateTime(), zone)).append('\n');
        out.append("    firstInstallTime=")
                .append(date(p.firstInstallTime(), zone))
                .append('\n');
        out.append("    lastUpdateTime=").append(date(p.lastUpdateTime(), zone)).append('\n');
        p.installer()
                .ifPresent(
                        i -> out.append("    installerPackageName=").append(i).append('\n'));
        out.append("    pkgFlags=[ ").append(p.system() ? "SYSTEM " : "").append("HAS_CODE ALLOW_CLEAR_USER_DATA ]\n");
        out.append("    User 0: ceDataInode=0 installed=true hidden=false suspended=false stopped=false"
                + " notLaunched=false enabled=0 instant=false virtual=false\n");
    }

    private static String date(Instant instant, ZoneId zone) {
        return DATE.format(instant.atZone(zone));
    }
}
