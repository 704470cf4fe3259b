package org.lifeboat.virtualphone.device;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.lifeboat.virtualphone.fs.PhoneFileSystem;
import org.lifeboat.virtualphone.shell.CommandRegistry;
import org.lifeboat.virtualphone.shell.Shell;
import org.lifeboat.virtualphone.shell.ShellCommand;

/**
 * One simulated Android phone: its identity (getprop), files, shell, packages and the commands other components
 * register. All mutable state lives in the state folder, so a phone opened again on the same folder continues
 * where it stopped. Thread-safe: many adb streams use one device at once.
 */
public final class VirtualDevice {
    public static final int MIN_API = 26;
    public static final int MAX_API = 35;

    /** adb-protocol.md §4.5's recommended virtual-phone feature set. */
    public static final Set<String> DEFAULT_FEATURES =
            Set.copyOf(List.of("shell_v2", "cmd", "stat_v2", "ls_v2", "fixed_push_mkdir", "abb_exec"));

    private final StateLayout layout;
    private final Map<String, String> properties;
    private final int apiLevel;
    private final Set<String> features;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final PhoneFileSystem fileSystem;
    private final CommandRegistry commands = new CommandRegistry();
    private final Shell shell;
    private final PackageManager packages;
    private final List<Registration> receivers = new CopyOnWriteArrayList<>();

    private VirtualDevice(DeviceConfig config, Map<String, String> properties) throws IOException {
        this.layout = new StateLayout(config.stateDir());
        this.properties = Map.copyOf(properties);
        this.apiLevel = Integer.parseInt(properties.get(DeviceIdentity.SDK));
        this.features = config.features().orElse(DEFAULT_FEATURES);
        this.clock = config.clock();
        this.random = config.random();
        this.fileSystem = new PhoneFileSystem(layout.fileSystemRoot(), apiLevel);
        this.shell = new Shell(this, commands);
        this.packages = PackageManager.open(this);
        StandardCommands.install(this);
    }

    /**
     * Opens (creating if needed) the phone whose state is in {@code config.stateDir()}. Overrides in the config are
     * written back to device.properties so that they survive a restart.
     *
     * @throws IllegalArgumentException when the API level is outside 26..35
     */
    public static VirtualDevice open(DeviceConfig config) throws IOException {
        StateLayout layout = new StateLayout(config.stateDir());
        Files.createDirectories(layout.stateDir());
        Map<String, String> stored = readProperties(layout.propertiesFile());
        Integer api = config.apiLevel().isPresent() ? config.apiLevel().getAsInt() : null;
        Map<String, String> complete = DeviceIdentity.complete(stored, config.propertyOverrides(), api);
        if (!complete.equals(stored)) {
            writeProperties(layout.propertiesFile(), complete);
        }
        return new VirtualDevice(config, complete);
    }

    static int checkApiLevel(int level) {
        if (level < MIN_API || level > MAX_API) {
            throw new IllegalArgumentException(
                    "API level must be " + MIN_API + ".." + MAX_API + " (Android 8.0 to 15), got " + level);
        }
        return level;
    }

    public Path stateDir() {
        return layout.stateDir();
    }

    public StateLayout layout() {
        return layout;
    }

    /** The Android API level (ro.build.version.sdk). */
    public int apiLevel() {
        return apiLevel;
    }

    /** ro.serialno, what {@code adb get-serialno} and the connection banner report. */
    public String serial() {
        return properties.get("ro.serialno");
    }

    /** Every getprop key and value, sorted by key. */
    public Map<String, String> properties() {
        return new TreeMap<>(properties);
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    /** The adbd features this phone advertises in its CNXN banner. */
    public Set<String> features() {
        return features;
    }

    public boolean hasFeature(String feature) {
        return features.contains(feature);
    }

    /** The phone's time zone (persist.sys.timezone), used for local times such as {@code ls -l}. */
    public ZoneId timeZone() {
        try {
            return ZoneId.of(properties.getOrDefault("persist.sys.timezone", "UTC"));
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    public InstantSource clock() {
        return clock;
    }

    public RandomGenerator random() {
        return random;
    }

    public PhoneFileSystem fileSystem() {
        return fileSystem;
    }

    public Shell shell() {
        return shell;
    }

    public PackageManager packages() {
        return packages;
    }

    public CommandRegistry commands() {
        return commands;
    }

    /** Makes {@code /system/bin/NAME} run {@code command} in this phone's shell. */
    public void registerCommand(String name, ShellCommand command) {
        commands.registerCommand(name, command);
    }

    /** Makes {@code cmd NAME ...} and {@code abb_exec:NAME} reach {@code command}. */
    public void registerService(String name, ShellCommand command) {
        commands.registerService(name, command);
    }

    /** Delivers broadcasts whose action is {@code action} to {@code receiver}. */
    public void registerReceiver(String action, BroadcastReceiver receiver) {
        receivers.add(new Registration(action, receiver));
    }

    /** Sends {@code intent} to every receiver registered for its action; returns how many got it. */
    public int sendBroadcast(Intent intent) {
        int delivered = 0;
        for (Registration registration : receivers) {
            if (intent.action().filter(registration.action()::equals).isPresent()) {
                registration.receiver().onReceive(intent);
                delivered++;
            }
        }
        return delivered;
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Map<String, String> values = new TreeMap<>();
        if (!Files.exists(file)) {
            return values;
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        }
        props.stringPropertyNames().forEach(key -> values.put(key, props.getProperty(key)));
        return values;
    }

    private static void writeProperties(Path file, Map<String, String> values) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            writer.write("# getprop keys of this virtual phone\n");
            for (String key : new LinkedHashSet<>(new TreeMap<>(values).keySet())) {
                writer.write(escape(key, true) + "=" + escape(values.get(key), false) + "\n");
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** java.util.Properties escaping, written by hand so that the file stays sorted and free of a date comment. */
    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private record Registration(String action, BroadcastReceiver receiver) {}
}
