package org.terastal.offline.cpsat;

import com.google.ortools.Loader;
import com.google.ortools.init.OrToolsVersion;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.terastal.offline.BackendUnavailableException;

/**
 * The OR-Tools natives and the one-solve-at-a-time rule. Natives are loaded on first use only
 * (they unpack ~70 MiB into {@code java.io.tmpdir}), so commands and tests that never solve with
 * OR-Tools never pay for them. Every OR-Tools solve in the JVM runs under one lock: parallel
 * native solves in threads have crashed JVMs elsewhere, and each solve already uses its workers.
 */
public final class OrTools {
    private static final ReentrantLock SOLVE_LOCK = new ReentrantLock();
    private static boolean loaded;
    private static BackendUnavailableException failure;

    private OrTools() {
    }

    /**
     * Loads the natives once per JVM.
     *
     * @throws BackendUnavailableException when they do not load; every later call throws it again
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            Loader.loadNativeLibraries();
            loaded = true;
        } catch (RuntimeException | LinkageError e) {
            failure = unavailable(e);
            throw failure;
        }
    }

    /** The error users see when the natives do not load: what failed, and the pure-Java way out. */
    static BackendUnavailableException unavailable(Throwable cause) {
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        return new BackendUnavailableException("The OR-Tools native libraries did not load on " + os + " (" + cause
                + "); the cpsat and scip solvers need them. Maybe use --solver choco (pure Java, no natives), or point "
                + "-Djava.io.tmpdir at a folder that allows executing files", cause);
    }

    /** OR-Tools version, e.g. {@code 9.15.6755}; loads the natives. */
    public static String version() {
        load();
        return OrToolsVersion.getVersionString();
    }

    /** Runs an OR-Tools solve while holding the JVM-wide solve lock; loads the natives first. */
    public static <T> T exclusively(Supplier<T> solve) {
        load();
        SOLVE_LOCK.lock();
        try {
            return solve.get();
        } finally {
            SOLVE_LOCK.unlock();
        }
    }
}
