package org.compassioncourse.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * When and where the embedded H2 database is backed up (the default profile; PostgreSQL is pg_dump's job).
 *
 * @param cron Spring cron expression (second minute hour day month weekday) in the server's time zone;
 *             "-" turns the scheduled backup off
 * @param dir  folder for the zip files; application.yaml puts it under {@code course.data-dir}
 * @param keep how many of the newest backups stay; older ones are deleted after each backup
 */
@ConfigurationProperties("course.backup")
public record BackupProperties(
        @DefaultValue("0 30 2 * * *") String cron,
        @DefaultValue("./data/backups") Path dir,
        @DefaultValue("14") int keep) {

    public BackupProperties {
        if (keep < 1) {
            throw new IllegalArgumentException("course.backup.keep must be at least 1 (it is " + keep
                    + "): a backup job that deletes the backup it just made protects nothing");
        }
    }
}
