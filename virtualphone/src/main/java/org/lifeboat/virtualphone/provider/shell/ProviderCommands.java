package org.lifeboat.virtualphone.provider.shell;

import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifeboat.virtualphone.device.VirtualDevice;
import org.lifeboat.virtualphone.provider.AppOps;
import org.lifeboat.virtualphone.provider.Caller;
import org.lifeboat.virtualphone.provider.DeviceEnvironment;
import org.lifeboat.virtualphone.provider.android.AndroidProviders;

/**
 * Puts the providers on a phone: opens them on its state folder (seeded from the profile files the profile
 * installer copied there) and registers {@code content}, {@code settings}, {@code appops}, {@code cmd settings},
 * {@code cmd appops}, {@code cmd wifi} and the MEDIA_SCANNER_SCAN_FILE receiver.
 */
public final class ProviderCommands {
    static final String MEDIA_SCANNER_SCAN_FILE = "android.intent.action.MEDIA_SCANNER_SCAN_FILE";

    /** Each {@code content} run is a new app_process on a real phone, so each gets a new pid. */
    private static final int FIRST_PID = 20_000;

    private ProviderCommands() {}

    public static AndroidProviders install(VirtualDevice device) {
        int api = device.apiLevel();
        AppOps appOps = AppOps.load(device.stateDir().resolve("appops.json"));
        DeviceEnvironment environment =
                new DeviceEnvironment(api, device.clock().withZone(ZoneOffset.UTC), appOps);
        AndroidProviders providers = AndroidProviders.open(
                device.stateDir(), device.stateDir(), environment, new PhoneStorage(device.fileSystem()));
        AtomicInteger pids = new AtomicInteger(FIRST_PID);

        ContentCommand content = new ContentCommand(providers::forAuthority, api);
        device.registerCommand(
                "content",
                context -> content.run(
                        context.args(),
                        context.stdin(),
                        context.stdout(),
                        context.stderr(),
                        Caller.shell(pids.getAndIncrement())));

        SettingsCommand settings =
                new SettingsCommand(providers.forAuthority("settings").orElseThrow());
        org.lifeboat.virtualphone.shell.ShellCommand settingsCommand = context ->
                settings.run(context.args(), context.stdout(), context.stderr(), Caller.shell(pids.getAndIncrement()));
        device.registerCommand("settings", settingsCommand);
        device.registerService("settings", settingsCommand);

        AppOpsCommand appOpsCommand = new AppOpsCommand(appOps, api);
        org.lifeboat.virtualphone.shell.ShellCommand appOpsShell =
                context -> appOpsCommand.run(context.args(), context.stdout(), context.stderr());
        device.registerCommand("appops", appOpsShell);
        device.registerService("appops", appOpsShell);

        WifiCommand wifi = new WifiCommand(providers.wifiNetworks(), api);
        device.registerService("wifi", context -> wifi.run(context.args(), context.stdout(), context.stderr()));

        device.registerReceiver(
                MEDIA_SCANNER_SCAN_FILE, intent -> intent.data().ifPresent(providers::onMediaScannerScanFile));
        return providers;
    }
}
