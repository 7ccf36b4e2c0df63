package org.terastal.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.terastal.io.AtomicFiles;
import org.terastal.io.InputException;
import org.terastal.io.InputFiles;

/**
 * An output folder claimed by one sweep for as long as it writes there. Processes running the same
 * sweep (the shards of one sweep writing to one folder, a merge into it) share the folder; a process
 * running another sweep is refused at once, naming the folder and the sweep that holds it, before it
 * writes anything. The folder's manifest names the sweep; it is replaced only when no process holds
 * the folder and after every cell file of the new sweep found there has been checked, so a refused
 * run leaves the folder as it was.
 *
 * <p>The claim is an OS file lock on {@value #LOCK} in the folder, released when the process ends
 * however it ends. Byte 0 of the file is a gate, held exclusively while a process reads and perhaps
 * replaces the manifest; byte 1 is held shared by every process writing the sweep the manifest names,
 * and exclusively by one replacing it, which it may only while no process holds it. Claims of one
 * process are counted, since the file locks of a process are one lock. On a file system without
 * locks (some network mounts) the manifest and cells are still checked, but a sweep running at the
 * same time goes unnoticed: {@link #unlocked()} says why.
 */
public final class SweepFolder implements AutoCloseable {
    /** The lock file in an output folder. */
    public static final String LOCK = ".sweep.lock";
    private static final long GATE = 0;
    private static final long USERS = 1;
    /** The folders this process holds, by lock file; guarded by the class. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    /** A folder this process holds: its lock, the sweep and how many claims share it. */
    private static final class Held {
        private final FileChannel channel;
        private final FileLock users;
        private final SweepPlan plan;
        private final String manifest;
        private int claims = 1;

        Held(FileChannel channel, FileLock users, SweepPlan plan, String manifest) {
            this.channel = channel;
            this.users = users;
            this.plan = plan;
            this.manifest = manifest;
        }
    }

    private final Path dir;
    private final SweepPlan plan;
    private final List<Cell> todo;
    private final int found;
    private final Path lockFile;
    private final String unlocked;
    private boolean closed;

    private SweepFolder(Path dir, SweepPlan plan, List<Cell> todo, int found, Path lockFile, String unlocked) {
        this.dir = dir;
        this.plan = plan;
        this.todo = List.copyOf(todo);
        this.found = found;
        this.lockFile = lockFile;
        this.unlocked = unlocked;
    }

    /**
     * Claims {@code dir} for {@code plan}: checks the files of {@code cells} found there (the cells the
     * caller will run or read; none for a merge into the folder) and writes the manifest if the folder
     * held none or another sweep's.
     *
     * @throws IllegalArgumentException when another process is writing another sweep into the folder
     * @throws InputException           naming a cell file of the sweep that is wrong; the folder is left as it was
     */
    public static SweepFolder claim(Path dir, SweepPlan plan, List<Cell> cells) {
        String manifest = plan.manifestJson();
        Path lockFile = dir.resolve(LOCK).toAbsolutePath().normalize();
        synchronized (SweepFolder.class) {
            Held held = HELD.get(lockFile);
            if (held != null) {
                if (!held.manifest.equals(manifest)) {
                    throw busy(dir, held.plan, plan);
                }
                Checked checked = check(dir, plan, cells);
                held.claims++;
                return new SweepFolder(dir, plan, checked.todo, checked.found, lockFile, null);
            }
            FileChannel channel;
            try {
                Files.createDirectories(dir);
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the lock file " + dir.resolve(LOCK) + ": " + e.getMessage(), e);
            }
            FileLock gate;
            try {
                gate = channel.lock(GATE, 1, false);
            } catch (IOException e) {
                closeQuietly(channel);
                Checked checked = checkAndWrite(dir, plan, manifest, cells);
                return new SweepFolder(dir, plan, checked.todo, checked.found, null, "the file system does not lock files ("
                        + e.getMessage() + ")");
            }
            try {
                Checked checked;
                if (holds(dir, plan)) {
                    checked = check(dir, plan, cells);
                } else {
                    FileLock replacing = tryExclusive(channel);
                    if (replacing == null) {
                        throw busy(dir, otherPlan(dir), plan);
                    }
                    try {
                        checked = checkAndWrite(dir, plan, manifest, cells);
                    } finally {
                        replacing.release();
                    }
                }
                // no process takes byte 1 exclusively without the gate, which this one holds
                HELD.put(lockFile, new Held(channel, channel.lock(USERS, 1, true), plan, manifest));
                channel = null;
                return new SweepFolder(dir, plan, checked.todo, checked.found, lockFile, null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot lock " + dir.resolve(LOCK) + ": " + e.getMessage(), e);
            } finally {
                releaseQuietly(gate);
                if (channel != null) {
                    closeQuietly(channel);
                }
            }
        }
    }

    /** Whether the manifest of {@code dir} names {@code plan}'s sweep. */
    public static boolean holds(Path dir, SweepPlan plan) {
        return plan.manifestJson().equals(currentManifest(dir));
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** The sweep it is claimed for. */
    public SweepPlan plan() {
        return plan;
    }

    /** The cells of the claim whose files were not found, in the order given. */
    public List<Cell> todo() {
        return todo;
    }

    /** How many cells of the claim were found done (their files checked). */
    public int found() {
        return found;
    }

    /** Why the folder could not be locked, or null when it is. */
    public String unlocked() {
        return unlocked;
    }

    /** Releases the claim; the last claim of the process releases the lock. */
    @Override
    public void close() {
        synchronized (SweepFolder.class) {
            if (closed || lockFile == null) {
                return;
            }
            closed = true;
            Held held = HELD.get(lockFile);
            if (--held.claims == 0) {
                HELD.remove(lockFile);
                releaseQuietly(held.users);
                closeQuietly(held.channel);
            }
        }
    }

    /** The cells to run and how many were found done. */
    private record Checked(List<Cell> todo, int found) {
    }

    /** Checks the files of {@code cells} found in the folder; the cells without a file are still to run. */
    private static Checked check(Path dir, SweepPlan plan, List<Cell> cells) {
        List<Cell> todo = new ArrayList<>();
        for (Cell cell : cells) {
            Path file = CellFiles.path(dir, cell);
            if (Files.exists(file)) {
                CellFiles.read(file, plan, cell);
            } else {
                todo.add(cell);
            }
        }
        return new Checked(todo, cells.size() - todo.size());
    }

    private static Checked checkAndWrite(Path dir, SweepPlan plan, String manifest, List<Cell> cells) {
        Checked checked = check(dir, plan, cells);
        if (!manifest.equals(currentManifest(dir))) {
            AtomicFiles.write(dir.resolve(SweepPlan.MANIFEST), manifest);
        }
        return checked;
    }

    private static String currentManifest(Path dir) {
        Path file = dir.resolve(SweepPlan.MANIFEST);
        return Files.exists(file) ? new String(InputFiles.readBytes(file), StandardCharsets.UTF_8) : null;
    }

    /** The sweep of the folder's manifest, or null when it has none or one this version cannot read. */
    private static SweepPlan otherPlan(Path dir) {
        Path file = dir.resolve(SweepPlan.MANIFEST);
        try {
            return Files.exists(file) ? SweepPlan.readManifest(file) : null;
        } catch (InputException e) {
            return null;
        }
    }

    /** Byte 1 exclusively, or null when a process (this one included, through another channel) holds it. */
    private static FileLock tryExclusive(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(USERS, 1, false);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static IllegalArgumentException busy(Path dir, SweepPlan other, SweepPlan plan) {
        return new IllegalArgumentException("The folder " + dir + " is being written by another sweep ("
                + (other == null ? "its manifest is unreadable" : other.describe()) + ") than this one (" + plan.describe()
                + "); wait for it to finish, or write to another folder");
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel, or the process ending, releases it as well
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }
}
