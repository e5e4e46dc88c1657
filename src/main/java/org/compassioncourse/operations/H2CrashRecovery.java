package org.compassioncourse.operations;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the embedded H2 file at its newest complete version after the app was killed, before the connection pool
 * opens it.
 * <p>
 * Why: H2 2.5.252's MVStore writes each commit as a chunk (with {@code WRITE_DELAY=0}, before the commit returns) and
 * a file header that says where the newest chunk is. When a chunk lands in reused space that the previous chunk did
 * not predict, {@code RandomAccessStore.writeChunk} rewrites the header, but {@code FileStore.storeBuffer} sets
 * {@code lastChunk} only after that, so the header names the <em>previous</em> chunk, from which the new one cannot be
 * reached. After a kill, H2's normal open follows the header and stops at that older version: every commit until the
 * next header write (up to 20 versions) is in the file but not read, so answers the page had confirmed were gone.
 * H2's own full scan ({@link MVStore.Builder#recoveryMode()}) looks at every chunk in the file and takes the newest
 * one whose chunk set is complete; closing that store writes a clean header pointing at it, so H2's normal open
 * then starts there. A file closed cleanly has a correct header and is left alone. (README, "Durability";
 * {@code H2ChunkHeaderLossTest} reproduces the H2 bug without the app.)
 * <p>
 * {@code course.h2.crash-recovery=false} turns it off (only to measure the loss without it).
 */
@Component
public final class H2CrashRecovery implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(H2CrashRecovery.class);
    private static final int HEADER_BLOCK = 4096;

    private final boolean enabled;

    H2CrashRecovery(Environment environment) {
        this.enabled = environment.getProperty("course.h2.crash-recovery", Boolean.class, true);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (enabled && bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            databaseFile(pool.getJdbcUrl()).ifPresent(H2CrashRecovery::recover);
        }
        return bean;
    }

    /** What recovery found: the version H2's normal open would have taken, and the newest complete one it opened at. */
    public record Outcome(long normalOpenVersion, long recoveredVersion) {
    }

    /**
     * If {@code file} (an H2 {@code .mv.db}) was not closed cleanly, opens and closes it with H2's full chunk scan so
     * that the next normal open starts at the newest complete version. Returns empty when there was nothing to do.
     */
    public static Optional<Outcome> recover(Path file) {
        if (!Files.isRegularFile(file) || closedCleanly(file)) {
            return Optional.empty();
        }
        String name = file.toString();
        try {
            long normal;
            try (MVStore store = new MVStore.Builder().fileName(name).readOnly().open()) {
                normal = store.getCurrentVersion();
            }
            long recovered;
            try (MVStore store = new MVStore.Builder().fileName(name).recoveryMode().open()) {
                recovered = store.getCurrentVersion();
            }
            if (recovered > normal) {
                log.warn("The H2 database {} was not closed cleanly (the app was killed or crashed). H2's normal start-up"
                        + " would have opened it at version {}; its newest complete version is {}, and the app opens it there"
                        + " (README, \"Durability\").", file, normal, recovered);
            } else {
                log.info("The H2 database {} was not closed cleanly; its newest complete version is {}, the one H2 opens.",
                        file, recovered);
            }
            return Optional.of(new Outcome(normal, recovered));
        } catch (RuntimeException e) {
            // H2's own open reports the problem (a locked or damaged file) in its words; do not hide it behind ours
            log.error("Could not check the H2 database {} for commits after an unclean shutdown; H2 opens it as it is.", file, e);
            return Optional.empty();
        }
    }

    /** Whether either copy of the MVStore file header carries H2's clean-shutdown mark. */
    static boolean closedCleanly(Path file) {
        byte[] block = new byte[HEADER_BLOCK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int copy = 0; copy < 2; copy++) {
                if (in.readNBytes(block, 0, HEADER_BLOCK) < HEADER_BLOCK) {
                    return false;
                }
                Map<String, String> header = parse(block);
                if (header != null && !"0".equals(header.getOrDefault("clean", "0"))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** One copy of the header: a line "key:value,...,fletcher:checksum"; null when torn or unreadable. */
    private static @Nullable Map<String, String> parse(byte[] block) {
        String text = new String(block, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        int checksumAt = end < 0 ? -1 : text.lastIndexOf(",fletcher:", end);
        if (checksumAt < 0) {
            return null;
        }
        try {
            byte[] fields = text.substring(0, checksumAt).getBytes(StandardCharsets.ISO_8859_1);
            int checksum = DataUtils.parseHexInt(text.substring(checksumAt + ",fletcher:".length(), end));
            return DataUtils.getFletcher32(fields, 0, fields.length) == checksum
                    ? DataUtils.parseMap(text.substring(0, checksumAt)) : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The {@code .mv.db} file of a {@code jdbc:h2:file:} URL (or a plain path URL); empty for memory and server URLs. */
    static Optional<Path> databaseFile(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int options = rest.indexOf(';');
        String location = options < 0 ? rest : rest.substring(0, options);
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        } else if (location.matches("^(mem|tcp|ssl|zip|split|nio\\w*|async|retry|memFS|memLZF):.*")) {
            return Optional.empty();
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        return location.isBlank() ? Optional.empty() : Optional.of(Path.of(location + ".mv.db"));
    }
}
