package io.persession.testkit;

import io.persession.engine.SpiCompatibility;
import io.persession.spi.SpiVersion;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The SPI version handshake, as the contracts check it: what the host will do when it loads the plugin. */
final class SpiVersionCheck {
    private SpiVersionCheck() {
    }

    /**
     * Fails unless {@code spiVersion} states a version this persession accepts (same major, equal or lower
     * minor), the same on every call.
     */
    static void check(Object provider, Supplier<String> spiVersion) {
        String name = provider.getClass().getName();
        String version;
        try {
            version = spiVersion.get();
        } catch (AbstractMethodError e) {
            throw new AssertionError(name + " has no spiVersion(): implement it as 'return SpiVersion.CURRENT;'", e);
        }
        String problem = SpiCompatibility.problem(version);
        if (problem != null) {
            fail(name + " would be refused by persession: " + problem);
        }
        assertEquals(version, spiVersion.get(), () -> name + ".spiVersion() must return the same version every time");
        assertEquals(SpiVersion.CURRENT.substring(0, SpiVersion.CURRENT.indexOf('.')), version.substring(0, version.indexOf('.')),
                "the major version");
    }
}
