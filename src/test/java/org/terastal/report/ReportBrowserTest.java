package org.terastal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.terastal.cli.Main;
import org.terastal.domain.Instance;
import org.terastal.domain.Task;
import org.terastal.io.json.InstanceFiles;
import org.terastal.online.Schedulers;

/**
 * The report of the shipped experiment (results/maestro) opened in a real headless Chromium: it renders with no
 * console error, and every chart the experiment calls for is on the page, drawn. Needs Debian's {@code chromium}
 * and {@code chromium-driver} ({@code .ci/run} installs them); skipped when they are missing and
 * TERASTAL_BROWSER_TESTS is unset, failed when it is set.
 */
class ReportBrowserTest {
    /** The scenarios of the shipped experiment (README, Results). */
    /**
     * Selenium looks for a DevTools binding of the installed Chromium's version and warns when it ships none; this
     * test reads the browser log through WebDriver and needs no DevTools. Held here: the logging framework keeps
     * loggers only weakly, and a collected one would forget its level.
     */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");
    private static final List<String> SHIPPED = List.of("instances/skewed-vision.json", "instances/skewed-xr.json", "instances/skewed-six.json");

    @TempDir
    Path dir;

    @Test
    void shippedReportRendersEveryChartWithoutConsoleErrors() throws Exception {
        ChromeDriver driver = startBrowser();
        try {
            Path html = dir.resolve("report.html");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "report", "results/maestro", "-o", html.toString()), err.toString());

            driver.get(html.toUri().toString());
            JavascriptExecutor js = driver;
            assertEquals("complete", js.executeScript("return document.readyState"));
            List<String> expected = expectedChartIds();
            for (String id : expected) {
                Object box = js.executeScript("var e = document.getElementById(arguments[0]);"
                        + " if (!e || e.tagName.toLowerCase() !== 'svg') return null;"
                        + " var r = e.getBoundingClientRect(); return [r.width, r.height, e.querySelectorAll('path,rect,line,polyline,text').length];", id);
                assertTrue(box instanceof List<?>, "no <svg id=" + id + "> on the page");
                List<?> b = (List<?>) box;
                assertTrue(((Number) b.get(0)).doubleValue() > 100 && ((Number) b.get(1)).doubleValue() > 100, id + " is not laid out: " + b);
                assertTrue(((Number) b.get(2)).longValue() > 20, id + " has almost nothing drawn: " + b);
            }
            assertEquals((long) expected.size(), js.executeScript("return document.querySelectorAll('svg').length"), "no other charts");
            List<String> severe = severe(driver);
            assertTrue(severe.isEmpty(), "console errors: " + severe);

            // the check above can fail: a page with an error is caught
            driver.get("data:text/html,<script>console.error('deliberate')</script>");
            assertFalse(severe(driver).isEmpty(), "the browser log is read");
        } finally {
            driver.quit();
        }
    }

    /** The report of a suite folder (suite statistics only, as results/test ships) renders its charts and tables with no console error. */
    @Test
    void suiteReportRendersItsChartsAndTables() throws Exception {
        ChromeDriver driver = startBrowser();
        try {
            Path results = dir.resolve("suite");
            Files.createDirectories(results);
            Files.writeString(results.resolve("suite-stats.csv"), SuiteReportTest.STATS);
            Files.writeString(results.resolve("suite-paired.csv"), SuiteReportTest.PAIRED);
            Path html = dir.resolve("suite.html");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), "report", results.toString(), "-o", html.toString()), err.toString());

            driver.get(html.toUri().toString());
            JavascriptExecutor js = driver;
            assertEquals("complete", js.executeScript("return document.readyState"));
            for (String id : List.of("suite-miss-vs-load-s-drop", "suite-worst-vs-load-s-drop", "suite-schedulable-vs-load-s-drop")) {
                Object box = js.executeScript("var e = document.getElementById(arguments[0]);"
                        + " if (!e || e.tagName.toLowerCase() !== 'svg') return null;"
                        + " var r = e.getBoundingClientRect(); return [r.width, r.height, e.querySelectorAll('path,rect,line,polyline,text').length];", id);
                assertTrue(box instanceof List<?>, "no <svg id=" + id + "> on the page");
                List<?> b = (List<?>) box;
                assertTrue(((Number) b.get(0)).doubleValue() > 100 && ((Number) b.get(1)).doubleValue() > 100, id + " is not laid out: " + b);
                assertTrue(((Number) b.get(2)).longValue() > 20, id + " has almost nothing drawn: " + b);
                assertEquals(4L, js.executeScript("return document.getElementById(arguments[0]).rows.length", id + "-table"),
                        "a header, two loads and the range: " + id);
            }
            assertEquals(5L, js.executeScript("return document.getElementById('wtl-s-drop-0-8-1-5').rows.length"), "a header, two baselines over sets and over pairs");
            List<String> severe = severe(driver);
            assertTrue(severe.isEmpty(), "console errors: " + severe);
        } finally {
            driver.quit();
        }
    }

    /** Per scenario: four summary charts, a CDF per model of the scenario's tasks, a Gantt chart per scheduler (docs/report.md). */
    private static List<String> expectedChartIds() {
        List<String> ids = new ArrayList<>();
        for (String file : SHIPPED) {
            Instance instance = InstanceFiles.read(Path.of(file));
            String sc = HtmlReport.slug(instance.name());
            Stream.of("miss-vs-load", "miss-per-model", "utilisation", "accuracy-loss").forEach(k -> ids.add(k + "-" + sc));
            instance.tasks().stream().map(Task::model).distinct().forEach(m -> ids.add("cdf-" + sc + "-" + HtmlReport.slug(m)));
            Schedulers.NAMES.forEach(s -> ids.add("gantt-" + sc + "-" + HtmlReport.slug(s)));
        }
        return ids;
    }

    private static List<String> severe(ChromeDriver driver) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    private static ChromeDriver startBrowser() {
        Optional<Path> browser = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = onPath("chromedriver");
        String wanted = System.getenv("TERASTAL_BROWSER_TESTS");
        if (browser.isEmpty() || driver.isEmpty()) {
            String missing = browser.isEmpty() && driver.isEmpty() ? "neither chromium nor chromedriver is"
                    : (browser.isEmpty() ? "chromium" : "chromedriver") + " is not";
            if (wanted != null) {
                fail("TERASTAL_BROWSER_TESTS is set but " + missing + " on the PATH; install Debian's chromium and "
                        + "chromium-driver (apt-get install -y chromium chromium-driver), as .ci/run does");
            }
            String why = "ReportBrowserTest skipped: " + missing + " on the PATH and TERASTAL_BROWSER_TESTS is unset; "
                    + "install chromium and chromium-driver to run it";
            // Maven's console shows a skip without its reason; the reason goes to the build log as well
            System.err.println(why);
            Assumptions.abort(why);
        }
        DEVTOOLS.setLevel(Level.OFF);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> onPath(String... names) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String n : names) {
                Path candidate = Path.of(p, n);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
