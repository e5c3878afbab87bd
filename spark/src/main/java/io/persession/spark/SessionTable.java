package io.persession.spark;

import io.persession.engine.BotClassifiers;
import io.persession.spi.BotClassifier;
import io.persession.spi.Session;
import io.persession.spi.TrafficSource;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The sessions table ({@code --sessions DIR}, Parquet): the columns of {@code persession sessions}, typed. Revenue is
 * an exact {@code decimal(38,6)}; the currency is the analysis currency, the same on every row.
 */
final class SessionTable {
    /** The columns, as {@code persession sessions} names them. */
    static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("visitor_id", DataTypes.StringType, false),
        DataTypes.createStructField("start", DataTypes.TimestampType, false),
        DataTypes.createStructField("end", DataTypes.TimestampType, false),
        DataTypes.createStructField("duration_seconds", DataTypes.LongType, false),
        DataTypes.createStructField("start_reason", DataTypes.StringType, false),
        DataTypes.createStructField("events", DataTypes.IntegerType, false),
        DataTypes.createStructField("pageviews", DataTypes.IntegerType, false),
        DataTypes.createStructField("purchases", DataTypes.IntegerType, false),
        DataTypes.createStructField("refunds", DataTypes.IntegerType, false),
        DataTypes.createStructField("revenue", DataTypes.createDecimalType(38, 6), false),
        DataTypes.createStructField("source", DataTypes.StringType, true),
        DataTypes.createStructField("medium", DataTypes.StringType, true),
        DataTypes.createStructField("campaign", DataTypes.StringType, true),
        DataTypes.createStructField("referrer", DataTypes.StringType, true),
        DataTypes.createStructField("landing_page", DataTypes.StringType, true),
        DataTypes.createStructField("bot", DataTypes.StringType, true),
    });

    private final List<BotClassifier> classifiers;

    SessionTable(List<BotClassifier> classifiers) {
        this.classifiers = classifiers;
    }

    /** One session's values, in {@link #SCHEMA} order. */
    Object[] row(Session s) {
        TrafficSource src = s.trafficSource();
        return new Object[] {
            s.visitorId(),
            Timestamp.from(Instant.ofEpochMilli(s.startMillis())),
            Timestamp.from(Instant.ofEpochMilli(s.endMillis())),
            (s.endMillis() - s.startMillis()) / 1000,
            s.startReason(),
            s.eventCount(),
            s.pageviews(),
            s.purchases(),
            s.refunds(),
            BigDecimal.valueOf(s.revenueMicros(), 6),
            src.source(),
            src.medium(),
            src.campaign(),
            s.firstEvent().referrer(),
            s.firstEvent().page(),
            BotClassifiers.classify(classifiers, s).orElse(null),
        };
    }
}
