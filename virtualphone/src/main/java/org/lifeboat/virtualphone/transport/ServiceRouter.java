package org.lifeboat.virtualphone.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.lifeboat.adb.protocol.AdbFeatures;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;

/**
 * Maps an OPEN's service string to a service, as {@code daemon_service_to_fd} in daemon/services.cpp does. Anything
 * unknown, or needing a feature this phone does not advertise, is refused, and the host reports "error: closed".
 */
final class ServiceRouter {
    private final AdbFeatures features;
    private final PhoneFileSystem files;
    private final PhoneShell phoneShell;
    private final ShellService processes;

    ServiceRouter(AdbFeatures features, PhoneFileSystem files, PhoneShell phoneShell, Executor executor) {
        this.features = features;
        this.files = files;
        this.phoneShell = phoneShell;
        this.processes = new ShellService(executor);
    }

    Optional<StreamService> route(String service) {
        if (service.startsWith("shell:") || service.startsWith("shell,")) {
            return shell(service);
        }
        if (service.startsWith("exec:")) {
            String command = service.substring("exec:".length());
            return Optional.of(processes.raw(command, commandLine(command)));
        }
        if (service.equals("sync:")) {
            return Optional.of(new SyncService(files, features));
        }
        if (service.startsWith("abb_exec:") && features.has(AdbFeatures.ABB_EXEC)) {
            return Optional.of(processes.raw(service, cmd(service.substring("abb_exec:".length()))));
        }
        if (service.startsWith("abb:") && features.has(AdbFeatures.ABB)) {
            return Optional.of(processes.withShellProtocol(service, cmd(service.substring("abb:".length()))));
        }
        return Optional.empty();
    }

    /**
     * {@code shell[,arg…]:command}: args are v2, raw, pty, TERM=…, unknown ones ignored (services.cpp). An empty
     * command is a login shell, on a pty unless {@code raw} was asked for. Without the shell_v2 feature only the plain
     * {@code shell:} form exists, as on Android before 7.0.
     */
    private Optional<StreamService> shell(String service) {
        int colon = service.indexOf(':');
        String command = service.substring(colon + 1);
        List<String> args = service.startsWith("shell,")
                ? List.of(service.substring("shell,".length(), colon).split(","))
                : List.of();
        if (!args.isEmpty() && !features.has(AdbFeatures.SHELL_V2)) {
            return Optional.empty();
        }
        ShellService.Process process;
        if (command.isEmpty()) {
            boolean pty = !args.contains("raw");
            process = (in, out, err) -> phoneShell.interactive(in, out, err, pty);
        } else {
            process = commandLine(command);
        }
        return Optional.of(
                args.contains("v2") ? processes.withShellProtocol(command, process) : processes.raw(command, process));
    }

    private ShellService.Process commandLine(String command) {
        return (in, out, err) -> phoneShell.execute(command, in, out, err);
    }

    /** abb runs {@code cmd} in process with NUL-separated arguments (daemon/abb.cpp), so nothing is re-split. */
    private ShellService.Process cmd(String nulSeparated) {
        List<String> argv = new ArrayList<>();
        argv.add("cmd");
        if (!nulSeparated.isEmpty()) {
            argv.addAll(List.of(nulSeparated.split("\0", -1)));
        }
        return (in, out, err) -> phoneShell.executeArgv(argv, in, out, err);
    }
}
