package org.terastal.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Writes a whole folder so that a reader never sees half of it: the files go into a temporary
 * folder next to the target, which is then renamed to the target. A failure before the rename
 * leaves the target as it was and removes the temporary folder.
 */
public final class AtomicFolders {
    private AtomicFolders() {
    }

    /** Something that writes every file of the folder into the (empty) folder it is given. */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path folder) throws IOException;
    }

    /** Whether a path is absent or an empty folder (a folder that may be written without replacing anything). */
    public static boolean isAbsentOrEmpty(Path target) {
        if (!Files.exists(target)) {
            return true;
        }
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(target)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks that {@code target} may be replaced by a new output of a command: it is absent, or a
     * folder holding only files {@code ours} accepts by name (outputs an earlier run of the command
     * wrote) and temporary files {@link AtomicFiles} left of them. Replacing a folder deletes all it
     * holds, so anything else is refused rather than deleted.
     *
     * @param what the outputs in messages, e.g. "simulate's outputs"
     * @throws IllegalArgumentException naming the target and an entry that is not one of {@code what}
     */
    public static void checkReplaceable(Path target, Predicate<String> ours, String what) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("The output " + target + " is a file, not a folder; maybe another output folder");
        }
        try (Stream<Path> entries = Files.list(target)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || !ours.test(leftOver(name))) {
                    throw new IllegalArgumentException("The output folder " + target + " holds " + name + ", which is not one of " + what
                            + "; the folder is replaced as a whole, which would delete it: give a new or empty folder, or move it away");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + target + ": " + e.getMessage(), e);
        }
    }

    /** The file a temporary file of {@link AtomicFiles} ({@code .<name><digits>.tmp}) was to become, or the name itself. */
    private static String leftOver(String name) {
        if (name.startsWith(".") && name.endsWith(".tmp")) {
            return name.substring(1, name.length() - ".tmp".length()).replaceFirst("[0-9]+$", "");
        }
        return name;
    }

    /**
     * Writes a command's output folder whole ({@link #write}), replacing an existing one only when
     * it holds nothing but outputs of the same command ({@link #checkReplaceable}): the new folder has
     * exactly the files this run wrote, none of an earlier run beside them, and a run that fails or is
     * killed leaves the earlier folder as it was.
     */
    public static void replaceOutputs(Path target, Predicate<String> ours, String what, Content content) {
        checkReplaceable(target, ours, what);
        write(target, true, content);
    }

    /**
     * Writes the folder. An existing target that is not an empty folder is replaced only when
     * {@code replace} is set: it is renamed aside, the new folder renamed into place, and the old one
     * deleted (two renames: should the second fail, the old folder is renamed back).
     */
    public static void write(Path target, boolean replace, Content content) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("Cannot write the root folder " + target + " as a whole; maybe a subfolder");
        }
        if (!replace && !isAbsentOrEmpty(absolute)) {
            throw new IllegalArgumentException("The folder " + target + " exists and is not empty; it is not replaced without being asked to");
        }
        String base = "." + absolute.getFileName();
        Path tmp = null;
        Path aside = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, base + ".tmp-");
            content.writeInto(tmp);
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            if (Files.exists(absolute)) {
                aside = Files.createTempDirectory(parent, base + ".old-");
                Files.delete(aside);
                Files.move(absolute, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (aside != null) {
                    Files.move(aside, absolute, StandardCopyOption.ATOMIC_MOVE);
                    aside = null;
                }
                throw e;
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the folder " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
            deleteQuietly(aside);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // what the user needs to see is the outcome of the write, not a left-over temporary folder
        }
    }
}
