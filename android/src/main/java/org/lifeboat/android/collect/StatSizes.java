package org.lifeboat.android.collect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.adb.client.ShellCommand;
import org.lifeboat.adb.client.ShellResult;

/**
 * True file sizes from the phone's toybox {@code stat -c %s} (toys/other/stat.c: {@code %s} is {@code st_size} as a
 * 64-bit number), for phones without {@code ls_v2}/{@code stat_v2}, whose sync {@code LIST}/{@code STAT} carry sizes
 * in 32 bits, so a file over 4 GiB reports its size modulo 2^32 (adb-protocol.md). Any size may be such a remainder,
 * so every file is asked; the operands go in batches, one shell command each, and {@code stat} prints one line per
 * operand in order, so the output is digits only and no file name needs parsing.
 */
final class StatSizes {
    /** Operands per command: far below Android's ARG_MAX (128 KiB and more) even for long paths. */
    static final int BATCH = 64;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private StatSizes() {}

    /**
     * The size of each of {@code paths}, in order; empty for a file {@code stat} could not read (gone since the
     * listing, say), whose listed size then stands and whose read will report the problem.
     */
    static List<OptionalLong> of(Phone phone, List<DevicePath> paths) throws IOException {
        List<OptionalLong> sizes = new ArrayList<>(paths.size());
        for (int start = 0; start < paths.size(); start += BATCH) {
            List<DevicePath> batch = paths.subList(start, Math.min(paths.size(), start + BATCH));
            List<OptionalLong> answered = statAll(phone, batch);
            if (answered.size() == batch.size()) {
                sizes.addAll(answered);
                continue;
            }
            // One operand failed: without the shell protocol its error is folded into stdout, so the lines no
            // longer pair with the operands. Ask again one by one.
            for (DevicePath path : batch) {
                List<OptionalLong> one = statAll(phone, List.of(path));
                sizes.add(one.size() == 1 ? one.getFirst() : OptionalLong.empty());
            }
        }
        return List.copyOf(sizes);
    }

    /** One size per operand when {@code stat} succeeded for all of them, else an empty list. */
    private static List<OptionalLong> statAll(Phone phone, List<DevicePath> paths) throws IOException {
        ShellCommand.Builder command =
                ShellCommand.builder().word("stat").word("-c").word("%s");
        paths.forEach(command::arg);
        ShellResult result = phone.run(command.build());
        if (!result.succeeded()) {
            return List.of();
        }
        List<String> lines = result.stdoutText().lines().toList();
        if (lines.size() != paths.size()
                || !lines.stream().allMatch(line -> DIGITS.matcher(line).matches())) {
            return List.of();
        }
        return lines.stream().map(line -> OptionalLong.of(Long.parseLong(line))).toList();
    }
}
