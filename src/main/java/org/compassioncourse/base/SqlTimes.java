package org.compassioncourse.base;

import org.jspecify.annotations.Nullable;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A time column as an {@link Instant}, whichever type the driver hands back for {@code timestamp with time zone}
 * (H2 and PostgreSQL differ, and aggregates such as {@code max(...)} differ again).
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    /** The instant of a time value read from a result set; null stays null. */
    public static @Nullable Instant instant(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("Unexpected time value " + value.getClass());
        };
    }
}
