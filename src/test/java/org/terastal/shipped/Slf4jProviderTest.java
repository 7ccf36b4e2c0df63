package org.terastal.shipped;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/** Libraries the tool uses log through SLF4J; without a provider SLF4J prints a warning at every start. */
class Slf4jProviderTest {
    @Test
    void aProviderIsOnTheClassPath() {
        assertTrue(ServiceLoader.load(SLF4JServiceProvider.class).findFirst().isPresent(),
                "no SLF4J provider: SLF4J would print 'No SLF4J providers were found' on stderr");
    }
}
