package org.lifeboat.virtualphone.toybox;

import java.time.ZoneId;
import org.lifeboat.virtualphone.fs.FileStat;
import org.lifeboat.virtualphone.fs.FileType;
import org.lifeboat.virtualphone.fs.FsUsage;

/** Expands stat's %-directives for one file or file system, with the flag/width prefix printf would accept. */
final class StatFormat {
    private final String name;
    private final FileStat stat;
    private final FsUsage usage;
    private final ZoneId zone;

    private StatFormat(String name, FileStat stat, FsUsage usage, ZoneId zone) {
        this.name = name;
        this.stat = stat;
        this.usage = usage;
        this.zone = zone;
    }

    static StatFormat forFile(String name, FileStat stat, ZoneId zone) {
        return new StatFormat(name, stat, null, zone);
    }

    static StatFormat forFileSystem(String name, FsUsage usage) {
        return new StatFormat(name, null, usage, ZoneId.of("UTC"));
    }

    /** @throws IllegalArgumentException for a directive stat would reject ("bad %..."). */
    String format(String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            if (format.charAt(i + 1) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < format.length() && "-+ #0123456789.".indexOf(format.charAt(end)) >= 0) {
                end++;
            }
            if (end >= format.length()) {
                throw new IllegalArgumentException("bad " + format.substring(i));
            }
            String spec = format.substring(start, end);
            char directive = format.charAt(end);
            out.append(directive == 'n' ? pad(spec, name) : stat != null ? file(spec, directive) : fs(spec, directive));
            i = end;
        }
        return out.toString();
    }

    private String file(String spec, char directive) {
        return switch (directive) {
            case 'a' -> number(spec, "o", stat.permissions());
            case 'A' -> pad(spec, Toys.modeString(stat));
            case 'b' -> number(spec, "d", stat.blocks());
            case 'B' -> number(spec, "d", 512);
            case 'C' -> pad(spec, "u:object_r:media_rw_data_file:s0");
            case 'd' -> number(spec, "d", stat.device());
            case 'D' -> number(spec, "x", stat.device());
            case 'f' -> number(spec, "x", stat.mode());
            case 'F' -> pad(spec, typeName());
            case 'g' -> number(spec, "d", stat.gid());
            case 'G' -> pad(spec, Toys.groupName(stat.gid()));
            case 'h' -> number(spec, "d", stat.links());
            case 'i' -> number(spec, "d", stat.inode());
            case 'N' -> stat.isSymlink() ? name + " -> '" + stat.linkTarget().orElse("") + "'" : name;
            case 'o' -> number(spec, "d", 4096);
            case 's' -> number(spec, "d", stat.size());
            case 't', 'T' -> number(spec, "x", 0);
            case 'u' -> number(spec, "d", stat.uid());
            case 'U' -> pad(spec, Toys.userName(stat.uid()));
            case 'x' -> pad(spec, Toys.isoTime(stat.accessed(), zone));
            case 'X' -> number(spec, "d", stat.accessed().getEpochSecond());
            case 'y' -> pad(spec, Toys.isoTime(stat.modified(), zone));
            case 'Y' -> number(spec, "d", stat.modified().getEpochSecond());
            case 'z' -> pad(spec, Toys.isoTime(stat.changed(), zone));
            case 'Z' -> number(spec, "d", stat.changed().getEpochSecond());
            default -> "?";
        };
    }

    /** stat.c %F: "regular empty file" for a zero-length regular file. */
    private String typeName() {
        if (stat.type() == FileType.REGULAR) {
            return stat.size() == 0 ? "regular empty file" : "regular file";
        }
        return stat.type() == FileType.DIRECTORY ? "directory" : "symbolic link";
    }

    private String fs(String spec, char directive) {
        return switch (directive) {
            case 'a' -> number(spec, "d", usage.availableBlocks());
            case 'b' -> number(spec, "d", usage.totalBlocks());
            case 'c' -> number(spec, "d", usage.totalBlocks() / 4);
            case 'd' -> number(spec, "d", usage.freeBlocks() / 4);
            case 'f' -> number(spec, "d", usage.freeBlocks());
            case 'i' -> pad(spec, "0000000000000000");
            case 'l' -> number(spec, "d", 255);
            case 's', 'S' -> number(spec, "d", usage.blockSize());
            case 't' -> number(spec, "x", fsMagic());
            case 'T' -> pad(spec, usage.type());
            default -> "?";
        };
    }

    private long fsMagic() {
        return switch (usage.type()) {
            case "fuse" -> 0x65735546L;
            case "sdcardfs" -> 0x5dca2df5L;
            case "f2fs" -> 0xf2f52010L;
            default -> 0xef53L;
        };
    }

    private static String number(String spec, String conversion, long value) {
        return String.format("%" + spec + conversion, value);
    }

    private static String pad(String spec, String value) {
        return spec.isEmpty() ? value : String.format("%" + spec.replace("0", "") + "s", value);
    }
}
