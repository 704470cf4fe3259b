package org.lifeboat.backup;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.lifeboat.adb.client.DeviceDisconnectedException;
import org.lifeboat.adb.client.DeviceNotFoundException;
import org.lifeboat.adb.client.DeviceOfflineException;
import org.lifeboat.adb.client.DevicePath;
import org.lifeboat.android.collect.PhoneFiles;
import org.lifeboat.repository.archiver.FileContent;

/**
 * Notices when file reads fail because the phone itself went away (a pulled cable, a killed phone) rather than
 * because one file was unreadable: the archiver goes on past failed files, so the job asks afterwards.
 */
final class PhoneLossWatch {
    private final AtomicReference<IOException> loss = new AtomicReference<>();
    private final LongAdder transferred = new LongAdder();

    FileContent content(PhoneFiles files, DevicePath path) {
        return () -> {
            try {
                return new Watched(files.open(path));
            } catch (IOException e) {
                throw observe(e);
            }
        };
    }

    /** File bytes read from the phone so far. */
    long bytesTransferred() {
        return transferred.sum();
    }

    /** The first failure that meant the phone was gone, if any. */
    Optional<IOException> loss() {
        return Optional.ofNullable(loss.get());
    }

    IOException observe(IOException e) {
        if (isLoss(e)) {
            loss.compareAndSet(null, e);
        }
        return e;
    }

    static boolean isLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeviceDisconnectedException
                    || t instanceof DeviceNotFoundException
                    || t instanceof DeviceOfflineException) {
                return true;
            }
        }
        return false;
    }

    private final class Watched extends FilterInputStream {
        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                transferred.add(b < 0 ? 0 : 1);
                return b;
            } catch (IOException e) {
                throw observe(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                int n = super.read(buffer, offset, length);
                transferred.add(Math.max(0, n));
                return n;
            } catch (IOException e) {
                throw observe(e);
            }
        }
    }
}
