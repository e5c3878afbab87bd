package io.persession.engine;

import io.persession.spi.SpiVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpiCompatibilityTest {
    @Test
    void theCurrentVersionIsMajorDotMinorAndAccepted() {
        assertTrue(SpiVersion.CURRENT.matches("\\d+\\.\\d+"), SpiVersion.CURRENT);
        assertNull(SpiCompatibility.problem(SpiVersion.CURRENT));
    }

    @Test
    void theSameMajorWithAnEqualOrLowerMinorIsAccepted() {
        assertNull(SpiCompatibility.problem("1.0", "1.0"));
        assertNull(SpiCompatibility.problem("1.0", "1.3"));
        assertNull(SpiCompatibility.problem("1.3", "1.3"));
        assertNull(SpiCompatibility.problem("1.2", "1.10"));
    }

    @Test
    void aNewerMinorIsRefusedNamingBothVersionsAndTheFix() {
        assertEquals("it was compiled against persession SPI 1.4 but this persession has SPI 1.3, which runs plugins compiled against"
                + " SPI 1.0 to 1.3; upgrade persession to one with SPI 1.4 or later, or use a build of the plugin for SPI 1.3",
                SpiCompatibility.problem("1.4", "1.3"));
        assertEquals("it was compiled against persession SPI 1.1 but this persession has SPI 1.0, which runs plugins compiled against"
                + " SPI 1.0 only; upgrade persession to one with SPI 1.1 or later, or use a build of the plugin for SPI 1.0",
                SpiCompatibility.problem("1.1", "1.0"));
    }

    @Test
    void anotherMajorIsRefusedEitherWay() {
        assertEquals("it was compiled against persession SPI 2.0 but this persession has SPI 1.0, which runs plugins compiled against"
                + " SPI 1.0 only; use a build of the plugin for SPI 1.0, or a persession with SPI 2.x", SpiCompatibility.problem("2.0", "1.0"));
        assertTrue(SpiCompatibility.problem("0.9", "1.0").contains("compiled against persession SPI 0.9"));
        assertTrue(SpiCompatibility.problem("1.0", "2.0").contains("or a persession with SPI 1.x"));
    }

    @Test
    void aMissingOrMalformedVersionIsRefused() {
        assertTrue(SpiCompatibility.problem(null, "1.0").startsWith("it states no SPI version"));
        for (String bad : new String[] {"", "1", "1.0.0", "v1.0", " 1.0", "1.x"}) {
            assertTrue(SpiCompatibility.problem(bad, "1.0").startsWith("its SPI version '" + bad + "' is not MAJOR.MINOR"), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SpiCompatibility.problem("1.0", "1"));
    }
}
