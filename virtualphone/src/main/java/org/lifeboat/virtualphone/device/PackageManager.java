package org.lifeboat.virtualphone.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.lifeboat.virtualphone.apk.ApkInfo;

/**
 * The phone's package manager: installed packages, install sessions and their rules (splits, downgrades, the
 * Android 14 low-target-SDK block). APKs are stored where Android stores them, under /data/app, so that the
 * paths {@code pm path} prints can be pulled. Installed packages persist in packages.json.
 */
public final class PackageManager {
    private static final int FIRST_APP_UID = 10100;
    private static final String BASE_APK = "base.apk";

    private final VirtualDevice device;
    private final Path databaseFile;
    private final Path appRoot;
    private final Map<String, InstalledPackage> packages = new TreeMap<>();
    private final Map<Integer, Session> sessions = new HashMap<>();

    private PackageManager(VirtualDevice device, List<InstalledPackage> loaded) {
        this.device = device;
        this.databaseFile = device.layout().packagesFile();
        this.appRoot = device.fileSystem().hostRoot();
        loaded.forEach(p -> packages.put(p.packageName(), p));
    }

    /**
     * Loads packages.json; on a phone's first start (no packages.json yet) the profile's apps/ folders in the state
     * folder are installed as they describe themselves.
     */
    static PackageManager open(VirtualDevice device) throws IOException {
        Path database = device.layout().packagesFile();
        boolean firstStart = !Files.exists(database);
        PackageManager manager = new PackageManager(device, PackageDatabase.load(database));
        if (firstStart) {
            for (ProfileApps.App app : ProfileApps.read(device.layout().appsDir())) {
                manager.preinstall(app.metadata(), app.apks());
            }
            PackageDatabase.save(database, manager.list());
        }
        return manager;
    }

    /** Every installed package, by name. */
    public synchronized List<InstalledPackage> list() {
        return List.copyOf(packages.values());
    }

    public synchronized Optional<InstalledPackage> find(String packageName) {
        return Optional.ofNullable(packages.get(packageName));
    }

    /** {@code pm install-create}: a new, empty session; its files are staged in /data/app/vmdlID.tmp. */
    public synchronized int createSession(InstallOptions options) throws IOException {
        int id;
        do {
            id = 1 + device.random().nextInt(Integer.MAX_VALUE - 1);
        } while (sessions.containsKey(id));
        Path staging = appRoot.resolve("data/app/vmdl" + id + ".tmp");
        Files.createDirectories(staging);
        sessions.put(id, new Session(options, staging));
        return id;
    }

    /**
     * {@code pm install-write}: stores {@code size} bytes of {@code data} (all of it when {@code size < 0}) as file
     * {@code name} of the session.
     */
    public void writeSession(int sessionId, String name, InputStream data, long size)
            throws InstallException, IOException {
        Session session = session(sessionId);
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\0")) {
            throw new InstallException("INSTALL_FAILED_INVALID_APK", "Invalid name: " + name);
        }
        Path target = session.staging().resolve(name);
        try (OutputStream out = Files.newOutputStream(target)) {
            long copied = size < 0 ? data.transferTo(out) : copy(data, out, size);
            if (size >= 0 && copied < size) {
                throw new InstallException(
                        "INSTALL_FAILED_INVALID_APK", "Expected " + size + " bytes of " + name + " but got " + copied);
            }
        }
    }

    /** {@code pm install-abandon}. */
    public void abandonSession(int sessionId) throws InstallException, IOException {
        Session session;
        synchronized (this) {
            session = session(sessionId);
            sessions.remove(sessionId);
        }
        deleteTree(session.staging());
    }

    /** {@code pm install-commit}: parses the staged APKs and installs them as one package. */
    public InstalledPackage commitSession(int sessionId) throws InstallException, IOException {
        Session session;
        synchronized (this) {
            session = session(sessionId);
            sessions.remove(sessionId);
        }
        try {
            return install(session);
        } finally {
            deleteTree(session.staging());
        }
    }

    /** Installs APK files from the host (base first or in any order), as {@code adb install-multiple} would. */
    public InstalledPackage install(List<Path> hostApks, InstallOptions options) throws InstallException, IOException {
        int id = createSession(options);
        try {
            for (Path apk : hostApks) {
                try (InputStream in = Files.newInputStream(apk)) {
                    writeSession(id, apk.getFileName().toString(), in, -1);
                }
            }
        } catch (InstallException | IOException | RuntimeException e) {
            abandonSession(id);
            throw e;
        }
        return commitSession(id);
    }

    /**
     * Records a package that came with the profile, trusting its package.json instead of parsing the APKs. System
     * packages go to /system/app/NAME/NAME.apk, others to /data/app like any install.
     */
    public synchronized InstalledPackage preinstall(PackageMetadata metadata, List<Path> hostApks) throws IOException {
        boolean system = metadata.system();
        if (hostApks.isEmpty()) {
            throw new IllegalArgumentException(metadata.packageName() + ": a package needs at least base.apk");
        }
        Instant now = device.clock().instant();
        String codePath =
                system ? "/system/app/" + systemAppName(metadata.packageName()) : newCodePath(metadata.packageName());
        List<String> apkPaths = new ArrayList<>();
        for (int i = 0; i < hostApks.size(); i++) {
            String fileName = system && i == 0
                    ? systemAppName(metadata.packageName()) + ".apk"
                    : hostApks.get(i).getFileName().toString();
            String phonePath = codePath + "/" + fileName;
            Path host = hostPath(phonePath);
            Files.createDirectories(host.getParent());
            Files.copy(hostApks.get(i), host, StandardCopyOption.REPLACE_EXISTING);
            apkPaths.add(phonePath);
        }
        Instant firstInstall = metadata.firstInstallTime().orElse(now);
        InstalledPackage installed = new InstalledPackage(
                metadata.packageName(),
                metadata.versionCode(),
                metadata.versionName(),
                metadata.installer(),
                metadata.targetSdk(),
                metadata.uid().orElseGet(() -> system ? nextSystemUid() : nextAppUid()),
                system,
                codePath,
                apkPaths,
                firstInstall,
                metadata.lastUpdateTime().orElse(firstInstall));
        replace(installed);
        return installed;
    }

    /** {@code pm uninstall}: removes a package installed on /data; system packages cannot be removed. */
    public void uninstall(String packageName) throws InstallException, IOException {
        InstalledPackage removed;
        synchronized (this) {
            InstalledPackage existing = packages.get(packageName);
            if (existing == null || existing.system()) {
                // PackageManagerShellCommand.runUninstall prints DELETE_FAILED_INTERNAL_ERROR for both.
                throw new InstallException("DELETE_FAILED_INTERNAL_ERROR", "");
            }
            packages.remove(packageName);
            PackageDatabase.save(databaseFile, List.copyOf(packages.values()));
            removed = existing;
        }
        deleteTree(hostPath(removed.codePath()));
    }

    private InstalledPackage install(Session session) throws InstallException, IOException {
        List<InstallRules.Staged> staged = InstallRules.parse(session.staging());
        InstallRules.Staged base = InstallRules.base(staged);
        ApkInfo info = base.info();
        for (InstallRules.Staged split : staged) {
            if (!split.info().packageName().equals(info.packageName())) {
                throw new InstallException(
                        "INSTALL_FAILED_INVALID_APK",
                        "Inconsistent package " + split.info().packageName() + " in "
                                + split.file().getFileName() + "; expected " + info.packageName());
            }
            if (split.info().versionCode() != info.versionCode()) {
                throw new InstallException(
                        "INSTALL_FAILED_INVALID_APK",
                        "Split " + split.info().split().orElse("base") + " has inconsistent version code "
                                + split.info().versionCode() + "; expected " + info.versionCode());
            }
        }
        InstallRules.checkSdk(info, session.options(), device.apiLevel());
        synchronized (this) {
            InstalledPackage existing = packages.get(info.packageName());
            InstallRules.checkReplace(info, existing, session.options());
            Instant now = device.clock().instant();
            String codePath = newCodePath(info.packageName());
            List<String> apkPaths = new ArrayList<>();
            staged.sort(Comparator.comparing(
                    (InstallRules.Staged s) -> s.info().split().orElse("")));
            for (InstallRules.Staged apk : staged) {
                String fileName =
                        apk.info().split().map(name -> "split_" + name + ".apk").orElse(BASE_APK);
                String phonePath = codePath + "/" + fileName;
                Path host = hostPath(phonePath);
                Files.createDirectories(host.getParent());
                Files.move(apk.file(), host, StandardCopyOption.REPLACE_EXISTING);
                apkPaths.add(phonePath);
            }
            InstalledPackage installed = new InstalledPackage(
                    info.packageName(),
                    info.versionCode(),
                    info.versionName(),
                    session.options().installer(),
                    info.targetSdk(),
                    existing != null ? existing.uid() : nextAppUid(),
                    existing != null && existing.system(),
                    codePath,
                    apkPaths,
                    existing != null ? existing.firstInstallTime() : now,
                    now);
            replace(installed);
            if (existing != null && !existing.system()) {
                deleteTree(hostPath(existing.codePath()));
            }
            return installed;
        }
    }

    private void replace(InstalledPackage installed) throws IOException {
        packages.put(installed.packageName(), installed);
        PackageDatabase.save(databaseFile, List.copyOf(packages.values()));
    }

    /**
     * A fresh code directory: Android 11+ nests a random {@code ~~TOKEN==} directory above {@code pkg-TOKEN==}
     * (PackageManagerServiceUtils.getNextCodePath); Android 8-10 use {@code /data/app/pkg-TOKEN==}.
     */
    private String newCodePath(String packageName) {
        String packageDir = packageName + "-" + token();
        return device.apiLevel() >= 30 ? "/data/app/~~" + token() + "/" + packageDir : "/data/app/" + packageDir;
    }

    private String token() {
        byte[] bytes = new byte[16];
        device.random().nextBytes(bytes);
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    private static String systemAppName(String packageName) {
        String last = packageName.substring(packageName.lastIndexOf('.') + 1);
        return Character.toUpperCase(last.charAt(0)) + last.substring(1);
    }

    private int nextAppUid() {
        return Math.max(
                FIRST_APP_UID,
                packages.values().stream().mapToInt(InstalledPackage::uid).max().orElse(0) + 1);
    }

    private int nextSystemUid() {
        int highest = packages.values().stream()
                .filter(InstalledPackage::system)
                .mapToInt(InstalledPackage::uid)
                .max()
                .orElse(10000);
        return highest + 1;
    }

    private synchronized Session session(int id) throws InstallException {
        Session session = sessions.get(id);
        if (session == null) {
            throw new InstallException("INSTALL_FAILED_INVALID_APK", "Invalid session id " + id);
        }
        return session;
    }

    private Path hostPath(String phonePath) {
        Path host = appRoot.resolve(phonePath.substring(1)).normalize();
        if (!host.startsWith(appRoot)) {
            throw new IllegalStateException("package path outside the phone: " + phonePath);
        }
        return host;
    }

    private static long copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        while (copied < size) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - copied));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            copied += n;
        }
        return copied;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record Session(InstallOptions options, Path staging) {}
}
