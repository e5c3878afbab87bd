package io.persession.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runs' Bloom filters; what the runs hold and give back is tested through {@link ForgottenVisitorsTest}'s models. */
class SpilledVisitorsTest {

    @Test
    void aFilterHasSixteenBitsARecordInWholeBlocksNotAPowerOfTwo() {
        assertEquals(250_000, SpilledVisitors.bloomWords(1_000_000)); // 16,000,000 bits; a power of two would be 262,144 words
        assertEquals(3_125 * 8, SpilledVisitors.bloomWords(100_000));
        assertEquals(8, SpilledVisitors.bloomWords(1)); // one 512-bit block at least
        assertEquals(8, SpilledVisitors.bloomWords(0));
        assertEquals(16, SpilledVisitors.bloomWords(33)); // 528 bits: a second block
    }

    /**
     * Ids like the demo shop's ("v" and 8 hex digits) into a filter of 3,125 blocks: none missed, every block used
     * (a block chosen from only some of the hash's values would leave blocks empty and crowd the others), and about
     * 0.1% false positives (16 bits a record, 6 probes in a 512-bit block).
     */
    @Test
    void everyRecordIsFoundTheBlocksAreAllUsedAndFalsePositivesAreRare() {
        int records = 100_000;
        long[] bloom = new long[SpilledVisitors.bloomWords(records)];
        for (int i = 0; i < records; i++) {
            SpilledVisitors.bloomAdd(bloom, SpilledVisitors.hash(id(i)));
        }
        for (int i = 0; i < records; i++) {
            assertTrue(SpilledVisitors.bloomMightContain(bloom, SpilledVisitors.hash(id(i))), id(i));
        }
        int emptyBlocks = 0;
        for (int block = 0; block < bloom.length; block += 8) {
            long bits = 0;
            for (int w = block; w < block + 8; w++) {
                bits |= bloom[w];
            }
            emptyBlocks += bits == 0 ? 1 : 0;
        }
        assertEquals(0, emptyBlocks, "blocks without a record");
        int probes = 1_000_000;
        int falsePositives = 0;
        for (int i = records; i < records + probes; i++) {
            falsePositives += SpilledVisitors.bloomMightContain(bloom, SpilledVisitors.hash(id(i))) ? 1 : 0;
        }
        double rate = (double) falsePositives / probes;
        assertTrue(rate > 0.0002 && rate < 0.004, "false positive rate " + rate);
    }

    private static String id(int i) {
        return String.format("v%08x", i * 0x9E3779B1);
    }
}
