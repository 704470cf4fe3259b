package org.lifeboat.virtualphone.toybox;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.PhoneFileException;
import org.lifeboat.virtualphone.shell.CommandContext;

/** Helpers shared by the toybox commands: error reporting the way lib/lib.c's verror_msg does, modes and ids. */
final class Toys {
    /** Android's fixed ids (system/core libcutils android_filesystem_config.h). */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0, "root"),
            Map.entry(1000, "system"),
            Map.entry(1004, "input"),
            Map.entry(1007, "log"),
            Map.entry(1011, "adb"),
            Map.entry(1015, "sdcard_rw"),
            Map.entry(1023, "media_rw"),
            Map.entry(1028, "sdcard_r"),
            Map.entry(1078, "ext_data_rw"),
            Map.entry(1079, "ext_obb_rw"),
            Map.entry(2000, "shell"),
            Map.entry(3001, "net_bt_admin"),
            Map.entry(3002, "net_bt"),
            Map.entry(3003, "inet"),
            Map.entry(3006, "net_bw_stats"),
            Map.entry(3009, "readproc"),
            Map.entry(3011, "uhid"),
            Map.entry(9997, "everybody"));

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xx");

    private Toys() {}

    /** {@code error_msg}: "NAME: message". Returns 1, toybox's exit status after any error. */
    static int error(CommandContext context, String message) throws IOException {
        context.err(context.name() + ": " + message + "\n");
        return 1;
    }

    /** {@code perror_msg("'%s'", path)}: "NAME: 'path': strerror". */
    static int quotedError(CommandContext context, PhoneFileException e, String shown) throws IOException {
        return error(context, "'" + shown + "': " + e.errno().text());
    }

    /** {@code perror_msg_raw(path)}: "NAME: path: strerror". */
    static int rawError(CommandContext context, PhoneFileException e, String shown) throws IOException {
        return error(context, shown + ": " + e.errno().text());
    }

    /** {@code help_exit}: usage errors end with a pointer to --help. */
    static int usage(CommandContext context, String message) throws IOException {
        return error(context, message + " (see \"" + context.name() + " --help\")");
    }

    /** lib.c mode_to_string: "drwxrws---" including setuid/setgid/sticky letters. */
    static String modeString(FileStat stat) {
        int mode = stat.permissions();
        char[] out = new char[10];
        out[0] = stat.type().lsChar();
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            out[i + 1] = (mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-';
        }
        applySpecial(out, 3, (mode & 04000) != 0, 's');
        applySpecial(out, 6, (mode & 02000) != 0, 's');
        applySpecial(out, 9, (mode & 01000) != 0, 't');
        return new String(out);
    }

    private static void applySpecial(char[] out, int index, boolean set, char letter) {
        if (set) {
            out[index] = out[index] == '-' ? Character.toUpperCase(letter) : letter;
        }
    }

    /** bionic's getpwuid names: fixed AIDs, then u0_aNNN for app uids. */
    static String userName(int uid) {
        String fixed = NAMES.get(uid);
        if (fixed != null) {
            return fixed;
        }
        if (uid >= 10000 && uid < 20000) {
            return "u0_a" + (uid - 10000);
        }
        return Integer.toString(uid);
    }

    static String groupName(int gid) {
        return userName(gid);
    }

    /** lib.c format_iso_time: "YYYY-MM-DD hh:mm:ss.nnnnnnnnn +zzzz" in local time. */
    static String isoTime(Instant time, ZoneId zone) {
        ZonedDateTime local = time.atZone(zone);
        return ISO_SECONDS.format(local) + String.format(".%09d ", time.getNano()) + OFFSET.format(local);
    }
}
