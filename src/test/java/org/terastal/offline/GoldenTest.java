package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.domain.SolveStatus;

/**
 * Every back-end and formulation against the golden manifest: each listed back-end proves
 * optimality and reproduces every objective term, and its solution passes the checker.
 */
class GoldenTest {

    static List<Arguments> fast() {
        return Golden.cases(false);
    }

    static List<Arguments> slow() {
        return Golden.cases(true);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fast")
    void provesTheGoldenOptimum(String backend, Golden.Row row) {
        check(backend, row, 60);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("slow")
    void provesTheGoldenOptimumOfLargerMixes(String backend, Golden.Row row) {
        check(backend, row, 300);
    }

    private static void check(String backend, Golden.Row row, double timeLimit) {
        SolveOutcome outcome = Solves.solve(TestInstances.named(row.instance()), backend, Formulation.of(row.formulation()), timeLimit);
        assertEquals(SolveStatus.OPTIMAL, outcome.status(), () -> backend + " on " + row + ": " + outcome.diagnosis() + outcome.phases());
        assertEquals(row.terms(), outcome.solution().objective());
        assertEquals(row.terms(), outcome.solution().bound());
        assertEquals(0.0, outcome.solution().gap());
    }
}
