package org.lifeboat.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The CPU-bound pool for hashing, compression and encryption: one thread per core. */
public final class Workers {
    private Workers() {}

    public static ExecutorService forCpuWork(String name) {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(cores, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
