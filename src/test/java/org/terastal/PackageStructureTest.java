package org.terastal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependencies between the toolkit's packages, read from the imports of the main sources: each
 * package imports only the packages its row of {@link #ALLOWED} names, no package depends on itself
 * through others, and the schedulers see the simulator only through the scheduler interface.
 */
class PackageStructureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "org.terastal.";

    /**
     * The toolkit packages each package may import (names below {@code org.terastal}). The simulator
     * kernel reads and writes no files: the files of runs are {@code io.results}', the only part of
     * {@code io} that knows the simulator; experiments, sweeps and reports sit above both.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("domain", Set.of()),
            Map.entry("stats", Set.of()),
            Map.entry("io", Set.of("domain")),
            Map.entry("io.csv", Set.of("domain", "io")),
            Map.entry("io.json", Set.of("domain", "io")),
            Map.entry("io.maestro", Set.of("domain", "io")),
            Map.entry("costmodel", Set.of("domain", "io", "io.csv")),
            Map.entry("analysis", Set.of("domain")),
            Map.entry("scenario", Set.of("domain", "io", "io.maestro")),
            Map.entry("scenario.suite", Set.of("analysis", "domain", "io", "io.json", "sweep")),
            Map.entry("offline", Set.of("domain", "io.json")),
            Map.entry("offline.check", Set.of("domain", "io.json")),
            Map.entry("offline.cpsat", Set.of("domain", "offline")),
            Map.entry("offline.choco", Set.of("domain", "offline")),
            Map.entry("offline.scip", Set.of("domain", "offline", "offline.cpsat")),
            Map.entry("offline.backends", Set.of("offline", "offline.choco", "offline.cpsat", "offline.scip")),
            Map.entry("sim", Set.of("domain", "stats")),
            Map.entry("sim.check", Set.of("domain", "sim")),
            Map.entry("online", Set.of("domain", "sim")),
            Map.entry("io.results", Set.of("domain", "io", "io.csv", "io.json", "sim")),
            Map.entry("experiment", Set.of("domain", "io", "io.results", "sim", "stats")),
            Map.entry("evaluation", Set.of("domain", "io.csv", "sim", "stats")),
            Map.entry("sweep", Set.of("domain", "evaluation", "experiment", "io", "io.csv", "io.json", "io.results", "online", "sim")),
            Map.entry("report", Set.of("domain", "evaluation", "io", "io.csv", "io.results", "sim")),
            Map.entry("cli", Set.of("analysis", "costmodel", "domain", "experiment", "io", "io.csv", "io.json", "io.maestro", "io.results",
                    "offline", "offline.backends", "offline.check", "online", "report", "scenario", "scenario.suite", "sim", "sweep")));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.terastal(?:\\.[a-z][a-z0-9]*)*)\\.([A-Z]\\w*)", Pattern.MULTILINE);

    /** Per source file: its package and the (package, class) pairs it imports from the toolkit. */
    private record Source(Path file, String pkg, List<String[]> imports) {
    }

    private static List<Source> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(PackageStructureTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Source read(Path file) {
        try {
            String text = Files.readString(file);
            String pkg = SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
            List<String[]> imports = new ArrayList<>();
            Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                imports.add(new String[] {m.group(1), m.group(2)});
            }
            return new Source(file, pkg, imports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPackageImportsOnlyWhatItsRowAllows() {
        Set<String> breaches = new TreeSet<>();
        for (Source s : sources()) {
            String pkg = s.pkg().startsWith(ROOT) ? s.pkg().substring(ROOT.length()) : s.pkg();
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                breaches.add(pkg + " has no row in ALLOWED: add one naming the packages it may import");
                continue;
            }
            for (String[] i : s.imports()) {
                String used = i[0].substring(ROOT.length());
                if (!used.equals(pkg) && !allowed.contains(used)) {
                    breaches.add(pkg + " -> " + used + " (" + s.file().getFileName() + " imports " + i[1] + ")");
                }
            }
        }
        assertEquals(Set.of(), breaches);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Source s : sources()) {
            Set<String> out = uses.computeIfAbsent(s.pkg(), p -> new TreeSet<>());
            s.imports().stream().map(i -> i[0]).filter(p -> !p.equals(s.pkg())).forEach(out::add);
        }
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            List<String> path = cycleThrough(start, uses);
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "package cycles (break them by moving the class that closes the loop)");
    }

    /** A shortest chain of dependencies from {@code start} back to itself, or null (breadth-first). */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> uses) {
        Map<String, String> cameFrom = new TreeMap<>();
        List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String p : frontier) {
                for (String q : uses.getOrDefault(p, Set.of())) {
                    if (q.equals(start)) {
                        List<String> path = new ArrayList<>(List.of(start));
                        for (String at = p; !at.equals(start); at = cameFrom.get(at)) {
                            path.add(1, at);
                        }
                        path.add(start);
                        return path;
                    }
                    if (!cameFrom.containsKey(q)) {
                        cameFrom.put(q, p);
                        next.add(q);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }

    /**
     * A policy in {@code online} reads the run through {@code SchedulerContext} alone: besides the
     * scheduler interface, the factory types its registry returns and the heap of {@code sim}, it
     * imports nothing of the simulator, and never names the kernel.
     */
    @Test
    void schedulersSeeOnlyTheSchedulerInterface() {
        Set<String> allowed = Set.of("Scheduler", "SchedulerContext", "SchedulerFactory", "SolutionProvider", "LongHeap");
        List<String> breaches = new ArrayList<>();
        List<Source> online = sources().stream().filter(s -> s.pkg().equals("org.terastal.online")).toList();
        assertTrue(online.size() > 5, "the schedulers were not found under " + SOURCES.toAbsolutePath());
        for (Source s : online) {
            for (String[] i : s.imports()) {
                if (i[0].startsWith("org.terastal.sim") && !(i[0].equals("org.terastal.sim") && allowed.contains(i[1]))) {
                    breaches.add(s.file().getFileName() + " imports " + i[0] + "." + i[1]);
                }
            }
            try {
                if (Pattern.compile("\\bSimulator\\b").matcher(Files.readString(s.file())).find()) {
                    breaches.add(s.file().getFileName() + " names the Simulator");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertEquals(List.of(), breaches);
    }
}
