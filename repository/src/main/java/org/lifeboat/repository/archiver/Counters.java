package org.lifeboat.repository.archiver;

import java.util.concurrent.atomic.LongAdder;

/** The summary's counters, updated from the walker and the worker threads. */
final class Counters {
    final LongAdder filesNew = new LongAdder();
    final LongAdder filesChanged = new LongAdder();
    final LongAdder filesUnmodified = new LongAdder();
    final LongAdder dirsNew = new LongAdder();
    final LongAdder dirsChanged = new LongAdder();
    final LongAdder dirsUnmodified = new LongAdder();
    final LongAdder bytesProcessed = new LongAdder();

    void countFile(FileStatus status) {
        (switch (status) {
                    case NEW -> filesNew;
                    case CHANGED -> filesChanged;
                    case UNMODIFIED -> filesUnmodified;
                })
                .increment();
    }

    void countDir(FileStatus status) {
        (switch (status) {
                    case NEW -> dirsNew;
                    case CHANGED -> dirsChanged;
                    case UNMODIFIED -> dirsUnmodified;
                })
                .increment();
    }
}
