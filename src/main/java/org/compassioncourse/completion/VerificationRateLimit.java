package org.compassioncourse.completion;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lookups on the verification page per client address: a fixed one-minute window per address, held in memory on
 * this node and bounded (the least recently seen addresses are dropped beyond {@link #MAX_ADDRESSES}). A restart
 * or another node starts counting afresh; enough against guessing codes of 100 random bits, which is the point.
 */
final class VerificationRateLimit {

    static final int MAX_ADDRESSES = 10_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    private record Window(long minute, int count) {
    }

    VerificationRateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one lookup from this address; false when the address has used up this minute's lookups. */
    synchronized boolean tryAcquire(String address) {
        long minute = Instant.now(clock).getEpochSecond() / 60;
        Window window = windows.get(address);
        if (window == null || window.minute() != minute) {
            window = new Window(minute, 0);
        }
        if (window.count() >= perMinute) {
            windows.put(address, window);
            return false;
        }
        windows.put(address, new Window(minute, window.count() + 1));
        return true;
    }

    synchronized int addressesHeld() {
        return windows.size();
    }
}
