package io.persession.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The test pack {@code test-packs/valid.json} (one entry of every kind) and broken variants of it,
 * each broken in exactly one way, with the field path and problem the loader must report. The schema
 * test uses the same variants: {@link Case#schemaCanTell} says whether a JSON Schema can express the rule.
 */
final class TestPacks {
    static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final String SOURCE = "test-packs/valid.json";

    private TestPacks() {
    }

    static String validText() {
        try (InputStream in = TestPacks.class.getResourceAsStream("/test-packs/valid.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode valid() {
        try {
            return (ObjectNode) JSON.readTree(validText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode entry(ObjectNode root, int i) {
        return (ObjectNode) root.get("entries").get(i);
    }

    /** One broken pack: what it breaks, its bytes, and the path and problem the loader must name. */
    static final class Case {
        final String name;
        final byte[] json;
        final String path;
        final String problem;
        final boolean schemaCanTell;

        Case(String name, byte[] json, String path, String problem, boolean schemaCanTell) {
            this.name = name;
            this.json = json;
            this.path = path;
            this.problem = problem;
            this.schemaCanTell = schemaCanTell;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case mutate(String name, Consumer<ObjectNode> change, String path, String problem, boolean schema) {
        ObjectNode root = valid();
        change.accept(root);
        return new Case(name, bytes(root), path, problem, schema);
    }

    private static Case text(String name, String json, String path, String problem) {
        return new Case(name, json.getBytes(StandardCharsets.UTF_8), path, problem, false);
    }

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    /** Every rule of the format, broken once. */
    static List<Case> invalid() {
        String valid = validText();
        List<Case> c = new ArrayList<>();
        // ---- the document
        c.add(text("not JSON", "{\"format\": 1,", "format", "not valid JSON: Unexpected end-of-input"));
        c.add(text("empty document", "", "", "empty"));
        c.add(text("trailing content after the pack", valid + " {}", "", "not valid JSON"));
        c.add(text("comments are not JSON", valid.replaceFirst("\\{", "{ // a comment\n"), "", "not valid JSON"));
        c.add(text("duplicate key in the pack", valid.replace("\"version\": \"1.0\",", "\"version\": \"1.0\", \"version\": \"2.0\","),
                "version", "Duplicate field 'version'"));
        c.add(text("duplicate key in an entry", valid.replace("\"flag\": \"V2\"", "\"flag\": \"V2\", \"flag\": \"V\""),
                "entries[1].flag", "Duplicate field 'flag'"));
        c.add(text("NaN is not a number", valid.replace("\"mean\": 0.02", "\"mean\": NaN"), "entries[1].statistics.mean", "not valid JSON"));
        c.add(text("Infinity is not a number", valid.replace("\"mean\": 0.02", "\"mean\": Infinity"), "entries[1].statistics.mean",
                "not valid JSON"));
        c.add(text("nesting deeper than the limit", valid.replace("\"note\": \"A note.\"", "\"note\": " + "[".repeat(30) + "]".repeat(30)),
                "entries[0].note" + "[0]".repeat(14), "exceeds a safety limit: Document nesting depth (17) exceeds the maximum allowed (16"));
        c.add(text("a number literal longer than the limit", valid.replace("\"mean\": 0.02", "\"mean\": 0." + "1".repeat(60)),
                "entries[1].statistics.mean", "exceeds a safety limit"));
        c.add(text("a string longer than 64 KiB", valid.replace("\"note\": \"A note.\"", "\"note\": \"" + "x".repeat(64 * 1024 + 1) + "\""),
                "entries[0].note", "exceeds a safety limit: String value length (65537) exceeds the maximum allowed (65536"));
        c.add(text("a field name longer than 256 characters", valid.replace("\"note\": \"A note.\"", "\"" + "n".repeat(257) + "\": 1"),
                "entries[0].quote", "exceeds a safety limit: Name length (257) exceeds the maximum allowed (256"));
        c.add(text("a pack that is an array", "[]", "", "must be a JSON object, not an array"));
        c.add(mutate("format missing", r -> r.remove("format"), "format", "missing", true));
        c.add(mutate("format 2", r -> r.put("format", 2), "format", "'2' is not supported", true));
        c.add(mutate("unknown field in the pack", r -> r.put("vendr", "x"), "vendr", "unknown field; known: $schema, entries, format", true));
        c.add(mutate("blank title", r -> r.put("title", "  "), "title", "is blank", true));
        c.add(mutate("id not lower-case", r -> r.put("id", "Test_Pack"), "id", "'Test_Pack' is not lower-case [a-z0-9-]+", true));
        c.add(mutate("entries missing", r -> r.remove("entries"), "entries", "missing", true));
        c.add(mutate("no entries", r -> r.putArray("entries"), "entries", "at least one entry", true));
        // ---- segments
        c.add(mutate("segment id not lower-case", r -> ((ObjectNode) r.get("segments").get(0)).put("id", "Seg A"), "segments[0].id",
                "is not lower-case", true));
        c.add(mutate("segment declared twice", r -> ((ArrayNode) r.get("segments")).addObject().put("id", "seg-a").put("title", "again"),
                "segments[2].id", "declared twice", false));
        c.add(mutate("segment without entries", r -> ((ArrayNode) r.get("segments")).addObject().put("id", "seg-c").put("title", "C"),
                "segments[2].id", "has no entries", false));
        c.add(mutate("entry in an undeclared segment", r -> entry(r, 1).put("segment", "seg-z"), "entries[1].segment",
                "segment 'seg-z' is not declared in segments; declared: seg-a, seg-b", false));
        // ---- entry fields
        c.add(mutate("unknown field in an entry", r -> entry(r, 0).put("tax_include", true), "entries[0].tax_include", "unknown field", true));
        c.add(mutate("unknown field in a source", r -> ((ObjectNode) entry(r, 0).get("source")).put("link", "https://example.com"),
                "entries[0].source.link", "unknown field; known: publisher, title, url", true));
        c.add(mutate("median is spelled p50", r -> ((ObjectNode) entry(r, 1).get("statistics")).put("median", 0.02), "entries[1].statistics.median",
                "'median' is not one of p25, p50, p75, p80, p90, mean", true));
        c.add(mutate("unknown metric", r -> entry(r, 0).put("metric", "revenue_per_click"), "entries[0].metric",
                "unknown metric 'revenue_per_click'; known: revenue_per_session, session_rpm", true));
        c.add(mutate("unknown basis", r -> entry(r, 0).put("basis", "click"), "entries[0].basis", "'click' is not one of session, visit", true));
        c.add(mutate("unknown kind", r -> entry(r, 4).put("kind", "estimate"), "entries[4].kind", "'estimate' is not one of figure, range", true));
        c.add(mutate("a number as a string", r -> ((ObjectNode) entry(r, 0).get("statistics")).put("mean", "2.2"), "entries[0].statistics.mean",
                "must be a JSON number, not a string", true));
        c.add(mutate("a boolean as a string", r -> entry(r, 0).put("tax_included", "yes"), "entries[0].tax_included",
                "must be true, false or null (unknown), not a string", true));
        c.add(mutate("a negative number", r -> ((ObjectNode) entry(r, 0).get("statistics")).put("p25", n("-1")), "entries[0].statistics.p25",
                "-1 is negative", true));
        c.add(mutate("a number above the sanity limit", r -> ((ObjectNode) entry(r, 0).get("statistics")).put("mean", n("1e999999")),
                "entries[0].statistics.mean", "is larger than 1e12", true));
        c.add(mutate("too many decimal places", r -> ((ObjectNode) entry(r, 0).get("statistics")).put("mean", n("2.1234567890123")),
                "entries[0].statistics.mean", "more than 12 decimal places", false));
        // ---- statistics order
        c.add(mutate("p50 below p25", r -> ((ObjectNode) entry(r, 0).get("statistics")).put("p50", n("0.5")), "entries[0].statistics.p50",
                "0.5 is below p25 (1); statistics must satisfy p25 <= p50 <= p75 <= p80 <= p90", false));
        c.add(mutate("p75 below p50", r -> ((ObjectNode) entry(r, 0).get("statistics")).put("p75", n("1.5")), "entries[0].statistics.p75",
                "1.5 is below p50 (2)", false));
        c.add(mutate("p80 below p75", r -> ((ObjectNode) entry(r, 0).get("statistics")).put("p80", n("2.5")), "entries[0].statistics.p80",
                "2.5 is below p75 (3)", false));
        c.add(mutate("p90 below p80", r -> ((ObjectNode) entry(r, 0).get("statistics")).put("p90", n("3.4")), "entries[0].statistics.p90",
                "3.4 is below p80 (3.5)", false));
        // ---- currency and shares
        c.add(mutate("money without a currency", r -> entry(r, 0).remove("currency"), "entries[0].currency",
                "missing: revenue_per_session is money", true));
        c.add(mutate("currency in lower case", r -> entry(r, 0).put("currency", "gbp"), "entries[0].currency", "'gbp' is not an ISO 4217 code", true));
        c.add(mutate("currency not in ISO 4217", r -> entry(r, 0).put("currency", "XYZ"), "entries[0].currency",
                "'XYZ' is not an ISO 4217 currency code", false));
        c.add(mutate("a currency on a share", r -> entry(r, 1).put("currency", "GBP"), "entries[1].currency",
                "a figure entry of conversion_rate holds no money amount: remove it", true));
        c.add(mutate("a conversion rate in percent", r -> ((ObjectNode) entry(r, 1).get("statistics")).put("mean", n("1.62")),
                "entries[1].statistics.mean", "1.62 is above 1: conversion_rate is a share between 0 and 1", true));
        c.add(mutate("a relative drop above 100%", r -> {
            ((ObjectNode) entry(r, 5).get("relation")).put("direction", "lower");
            ((ObjectNode) entry(r, 5).get("range")).put("high", n("1.5"));
        }, "entries[5].range.high", "1.5 is above 1: a share lower than the reference is at most 1", true));
        // ---- provenance
        c.add(mutate("retrieved not an ISO date", r -> entry(r, 0).put("retrieved", "22/11/2026"), "entries[0].retrieved",
                "'22/11/2026' is not an ISO date (YYYY-MM-DD", true));
        c.add(mutate("retrieved an impossible date", r -> entry(r, 0).put("retrieved", "2026-02-30"), "entries[0].retrieved",
                "'2026-02-30' is not a date", false));
        c.add(mutate("retrieved missing", r -> entry(r, 1).remove("retrieved"), "entries[1].retrieved", "missing", true));
        c.add(mutate("an ftp URL", r -> ((ObjectNode) entry(r, 0).get("source")).put("url", "ftp://example.com/a"), "entries[0].source.url",
                "'ftp://example.com/a' is not an http(s) URL", true));
        c.add(mutate("a URL without a host", r -> ((ObjectNode) entry(r, 0).get("source")).put("url", "https://"), "entries[0].source.url",
                "'https://'", true));
        c.add(mutate("a URL that does not parse", r -> ((ObjectNode) entry(r, 0).get("source")).put("url", "https://exa mple.com/a b"),
                "entries[0].source.url", "is not a URL", false));
        c.add(mutate("source without publisher", r -> ((ObjectNode) entry(r, 1).get("source")).remove("publisher"), "entries[1].source.publisher",
                "missing", true));
        c.add(mutate("a figure without a source", r -> entry(r, 1).remove("source"), "entries[1].source.title", "missing", true));
        c.add(mutate("a figure without a period", r -> entry(r, 1).remove("period"), "entries[1].period", "a figure needs the period", true));
        c.add(mutate("unknown flag", r -> entry(r, 0).put("flag", "X"), "entries[0].flag", "'X' is not one of V, V2, U, D", true));
        c.add(mutate("flag missing", r -> entry(r, 0).remove("flag"), "entries[0].flag", "missing: V, V2, U or D", true));
        c.add(mutate("a derived figure without its formula", r -> entry(r, 3).remove("note"), "entries[3].note",
                "a derived (D) figure needs its formula in the note", true));
        c.add(mutate("underlying flag D", r -> entry(r, 2).put("underlying_flag", "D"), "entries[2].underlying_flag", "use V, V2 or U", true));
        c.add(mutate("a blank note", r -> entry(r, 0).put("note", ""), "entries[0].note", "is blank", true));
        // ---- kinds
        c.add(mutate("a figure without statistics", r -> entry(r, 1).remove("statistics"), "entries[1].statistics",
                "a figure needs at least one statistic", true));
        c.add(mutate("empty statistics", r -> entry(r, 1).putObject("statistics"), "entries[1].statistics", "empty", true));
        c.add(mutate("a figure with a range", r -> entry(r, 0).putObject("range").put("low", 1).put("high", 2), "entries[0].range",
                "not allowed in a figure entry", true));
        c.add(mutate("a range without its range", r -> entry(r, 4).remove("range"), "entries[4].range", "a range entry needs a range", true));
        c.add(mutate("a range upside down", r -> ((ObjectNode) entry(r, 4).get("range")).put("high", n("0.5")), "entries[4].range.high",
                "0.5 is below range.low (1)", false));
        c.add(mutate("a range without high", r -> ((ObjectNode) entry(r, 4).get("range")).remove("high"), "entries[4].range.high",
                "missing: a number", true));
        c.add(mutate("a relative entry without its relation", r -> entry(r, 5).remove("relation"), "entries[5].relation",
                "a relative entry needs a relation", true));
        c.add(mutate("a relation to an unknown metric", r -> ((ObjectNode) entry(r, 5).get("relation")).put("metric", "page_views"),
                "entries[5].relation.metric", "unknown metric 'page_views'", true));
        c.add(mutate("a relation in an unknown direction", r -> ((ObjectNode) entry(r, 5).get("relation")).put("direction", "up"),
                "entries[5].relation.direction", "'up' is not one of higher, lower", true));
        c.add(mutate("a definition without its definition", r -> entry(r, 6).remove("definition"), "entries[6].definition",
                "a definition entry needs the source's definition", true));
        c.add(mutate("a not_published entry with a flag", r -> entry(r, 7).put("flag", "V"), "entries[7].flag",
                "a not_published entry has no figure to flag", true));
        c.add(mutate("a not_published entry without its note", r -> entry(r, 7).remove("note"), "entries[7].note",
                "a not_published entry needs a note", true));
        c.add(mutate("a band above 1", r -> entry(r, 0).put("band", n("1.5")), "entries[0].band", "1.5 is not in (0, 1]", true));
        c.add(mutate("a band on a range", r -> entry(r, 4).put("band", n("0.8")), "entries[4].band", "only a figure has a band", true));
        c.add(mutate("a second figure for one metric and segment", r -> ((ArrayNode) r.get("entries")).add(entry(r, 1).deepCopy()),
                "entries[8]", "a second figure entry for metric 'conversion_rate' in segment 'seg-a' (the first is entries[1])", false));
        return c;
    }
}
