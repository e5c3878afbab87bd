package io.persession.input;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputOptionsTest {
    @Test
    void defaults() {
        InputOptions o = InputOptions.defaults();
        assertEquals(InputOptions.Format.AUTO, o.format());
        assertEquals(ZoneOffset.UTC, o.inputZone());
        assertTrue(o.columnMap().isEmpty());
        assertNull(o.currency());
        for (InputColumn c : InputColumn.values()) {
            assertEquals(c.columnName(), o.inputColumn(c));
        }
    }

    @Test
    void canonicalColumns() {
        assertEquals("timestamp, visitor_id, event, revenue, currency, source, medium, campaign, term, content, click_id, referrer, page, user_agent, event_id, order_id",
                InputColumn.allNames());
        assertEquals(List.of(InputColumn.TIMESTAMP, InputColumn.VISITOR_ID, InputColumn.EVENT),
                java.util.Arrays.stream(InputColumn.values()).filter(InputColumn::required).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void mapEntries() {
        assertEquals(Map.entry(InputColumn.EVENT, "event_name"), InputOptions.parseMapEntry("event=event_name"));
        assertEquals(Map.entry(InputColumn.VISITOR_ID, "Client ID"), InputOptions.parseMapEntry(" Visitor_ID = Client ID "));
        InputOptions o = InputOptions.builder().map(List.of("event=event_name", "timestamp=ts")).map(InputColumn.REVENUE, "amount").build();
        assertEquals("event_name", o.inputColumn(InputColumn.EVENT));
        assertEquals("ts", o.inputColumn(InputColumn.TIMESTAMP));
        assertEquals("amount", o.inputColumn(InputColumn.REVENUE));
        assertEquals("page", o.inputColumn(InputColumn.PAGE));
        assertTrue(o.isMapped(InputColumn.EVENT));
        assertFalse(o.isMapped(InputColumn.PAGE));
    }

    @Test
    void badMapEntries() {
        IllegalArgumentException noEquals = assertThrows(IllegalArgumentException.class, () -> InputOptions.parseMapEntry("event"));
        assertEquals("bad --map entry 'event': expected canonical=input_column, such as event=event_name", noEquals.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> InputOptions.parseMapEntry("event="));
        assertTrue(empty.getMessage().startsWith("bad --map entry 'event='"), empty.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> InputOptions.parseMapEntry("evnt=name"));
        assertTrue(unknown.getMessage().startsWith("unknown column 'evnt' in --map evnt=name (did you mean 'event'?); the columns are: timestamp, visitor_id"),
                unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> InputOptions.builder().map("event=a").map("event=b"));
        assertTrue(twice.getMessage().contains("mapped twice"), twice.getMessage());
        for (IllegalArgumentException e : List.of(noEquals, empty, unknown, twice)) {
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void formatAndZone() {
        assertEquals(InputOptions.Format.CSV, InputOptions.Format.parse("CSV"));
        assertEquals(InputOptions.Format.JSONL, InputOptions.Format.parse("ndjson"));
        assertEquals(InputOptions.Format.AUTO, InputOptions.Format.parse("auto"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> InputOptions.Format.parse("xml"));
        assertEquals("unknown input format 'xml'; use auto, csv or jsonl", bad.getMessage());
        assertEquals(ZoneId.of("America/New_York"), InputOptions.builder().inputZone("America/New_York").build().inputZone());
        IllegalArgumentException zone = assertThrows(IllegalArgumentException.class, () -> InputOptions.builder().inputZone("Mars/Base"));
        assertTrue(zone.getMessage().startsWith("unknown time zone 'Mars/Base'"), zone.getMessage());
    }

    @Test
    void currencyAndRates() {
        InputOptions o = InputOptions.builder().currency("eur").rate("usd", new BigDecimal("0.92")).build();
        assertEquals("EUR", o.currency());
        assertEquals(Map.of("USD", new BigDecimal("0.92")), o.rates());
        assertThrows(IllegalArgumentException.class, () -> InputOptions.builder().currency("XX"));
        assertThrows(IllegalArgumentException.class, () -> InputOptions.builder().rate("USD", BigDecimal.ZERO));
        IllegalArgumentException noCurrency = assertThrows(IllegalArgumentException.class,
                () -> InputOptions.builder().rate("USD", BigDecimal.ONE).build());
        assertTrue(noCurrency.getMessage().contains("needs --currency"), noCurrency.getMessage());
    }

    @Test
    void formatByFileName() {
        assertEquals(InputOptions.Format.CSV, EventFileReader.formatByName("events.csv"));
        assertEquals(InputOptions.Format.CSV, EventFileReader.formatByName("EVENTS.CSV.GZ"));
        assertEquals(InputOptions.Format.JSONL, EventFileReader.formatByName("events.jsonl"));
        assertEquals(InputOptions.Format.JSONL, EventFileReader.formatByName("events.jsonl.gz"));
        assertEquals(InputOptions.Format.JSONL, EventFileReader.formatByName("events.ndjson"));
        assertEquals(InputOptions.Format.JSONL, EventFileReader.formatByName("events.json"));
        assertNull(EventFileReader.formatByName("events.txt"));
        assertNull(EventFileReader.formatByName("events.gz"));
    }
}
